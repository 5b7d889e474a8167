/**
 * Bad input to Trust.saml (src/trust/saml-trust.ts): SAML providers and audiences. Each row is
 * built in a fresh stack and must give exactly the outcome a user sees; the tables and their
 * runners are in test/support/bad-input.ts.
 */
import { Trust } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, OTHER, REF_P, SAML_PROVIDER, trusting } from '../support/bad-input';
import { newStack, stringParameter } from '../support/stacks';
import { errorOf } from '../validation/validation-support';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'Trust.saml given an OIDC provider ARN',
    build: (s) => trusting(s, Trust.saml(`arn:aws:iam::${OTHER}:oidc-provider/x`)),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.saml(arn:aws:iam::${OTHER}:oidc-provider/x)": "arn:aws:iam::${OTHER}:oidc-provider/x" is not an IAM SAML provider ARN (arn:<partition>:iam::<account>:saml-provider/<name>)`,
  },
  {
    name: 'Trust.saml with an empty audience list',
    build: (s) => trusting(s, Trust.saml(SAML_PROVIDER, { audiences: [] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.saml(${SAML_PROVIDER})": SAML trust needs at least one audience (SAML:aud)`,
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  { name: 'SAML provider ARN that is a token', build: (s) => trusting(s, Trust.saml(stringParameter(s))), inTemplate: `"Federated":${REF_P}` },
];

describeErrorRows('Trust.saml: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('Trust.saml: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);

/**
 * Problems found while writing the bad-input table, now fixed: each test states the behaviour the
 * library promises (bad input names the construct path, the field, the value and the rule;
 * deploy-time values are skipped, never a crash). The comments say what happened before.
 */
describe('Trust.saml: regressions found by the bad-input table', () => {
  test('Trust.saml in a region without a known sign-in endpoint fails with the usual error format', () => {
    // Before: "Stack/Role: no SAML sign-in endpoint is known for region xx-nowhere-1 (partition undefined); give Trust.saml(..., { audiences: [...] })".
    const stack = newStack({ env: { region: 'xx-nowhere-1' } });
    expect(errorOf(() => trusting(stack, Trust.saml(SAML_PROVIDER)))).toMatch(/^Stack\/Role: invalid trust\[0\] "Trust\.saml\(/);
  });
});
