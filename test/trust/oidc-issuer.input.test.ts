/**
 * Bad input to OidcIssuer (src/trust/oidc-issuer.ts): issuer URLs and provider ARNs. Each row is
 * built in a fresh stack and must give exactly the outcome a user sees; the tables and their
 * runners are in test/support/bad-input.ts.
 */
import { OidcIssuer, Trust } from '../../src';
import { describeErrorRows, ErrorRow, SAML_PROVIDER, trusting } from '../support/bad-input';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'OIDC issuer URL with a space in the host',
    build: (s) => trusting(s, Trust.eksServiceAccount(OidcIssuer.fromIssuerUrl('https://oidc eks/id/1'), 'payments', 'api')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:payments:api)": OIDC provider: "https://oidc eks/id/1" is not an OIDC issuer URL (https://host/path)',
  },
  {
    name: 'OidcIssuer.fromProviderArn given a SAML provider ARN',
    build: (s) => trusting(s, Trust.openIdConnect(OidcIssuer.fromProviderArn(SAML_PROVIDER), { subjects: ['user-1'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.openIdConnect(user-1)": OIDC provider: "${SAML_PROVIDER}" is not an IAM OIDC provider ARN (arn:<partition>:iam::<account>:oidc-provider/<issuer>), with no placeholder in the issuer part`,
  },
  {
    // The issuer part names the condition keys, which must be literal; the catalog already said so.
    name: 'OidcIssuer.fromProviderArn with a placeholder in the issuer part',
    build: (s) => trusting(s, Trust.eksServiceAccount(OidcIssuer.fromProviderArn('arn:{partition}:iam::{account}:oidc-provider/oidc.eks.{region}.amazonaws.com/id/ABC'), 'payments', 'api')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:payments:api)": OIDC provider: '
      + '"arn:{partition}:iam::{account}:oidc-provider/oidc.eks.{region}.amazonaws.com/id/ABC" is not an IAM OIDC provider ARN '
      + '(arn:<partition>:iam::<account>:oidc-provider/<issuer>), with no placeholder in the issuer part',
  },
];

describeErrorRows('OidcIssuer: bad inputs throw the exact error', ERROR_ROWS);
