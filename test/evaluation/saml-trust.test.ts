/**
 * Who may assume a role trusting a SAML provider: users of that provider, with an assertion
 * addressed to the sign-in endpoint of the partition the role lives in (or a configured audience).
 */
import { allow, deny, describeCases, HOME, STRANGER } from './evaluation-fixtures';
import { AssumableRole, Trust } from '../../src';
import { PARTITION_NAMES, PartitionName } from '../support/resolve';
import { newStack } from '../support/stacks';
import { Callers, SAML_SIGN_IN_ENDPOINTS, TrustEvaluator } from '../support/trust-evaluator';

const OKTA = 'arn:{partition}:iam::{account}:saml-provider/okta';

describeCases('Trust.saml with the default audience (the partition\'s sign-in endpoint)', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Console', { trust: [Trust.saml(OKTA)] }) };
}, (partition: PartitionName) => [
  allow('an okta user signing in to the console of this partition', Callers.saml('okta', { aud: SAML_SIGN_IN_ENDPOINTS[partition] })),
  ...PARTITION_NAMES.filter((p) => p !== partition).map((other) =>
    deny(`an assertion addressed to the sign-in endpoint of ${other}`, Callers.saml('okta', { aud: SAML_SIGN_IN_ENDPOINTS[other] }))),
  deny('an assertion addressed elsewhere', Callers.saml('okta', { aud: 'https://evil.example.com/saml' })),
  deny('a user of another SAML provider', Callers.saml('adfs', { aud: SAML_SIGN_IN_ENDPOINTS[partition] })),
  deny('a provider of the same name in another account', Callers.saml('okta', { aud: SAML_SIGN_IN_ENDPOINTS[partition], providerAccount: STRANGER })),
  deny('the SAML call with session tags (not enabled)', Callers.saml('okta', { aud: SAML_SIGN_IN_ENDPOINTS[partition] }), ['sts:AssumeRoleWithSAML', 'sts:TagSession']),
  deny('a role of the account', Callers.role(HOME, 'admin')),
  deny('a web identity', Callers.webIdentity('token.actions.githubusercontent.com', 'repo:o/r:ref:refs/heads/main')),
]);

describeCases('Trust.saml with custom audiences and session tags', () => {
  const stack = newStack();
  const trust = Trust.saml(OKTA, { audiences: ['https://signin.aws.amazon.com/saml', 'urn:amazon:webservices'] }).withSessionTags();
  return { stack, role: new AssumableRole(stack, 'Cli', { trust: [trust] }) };
}, [
  allow('the first audience, with session tags', Callers.saml('okta', { aud: 'https://signin.aws.amazon.com/saml' }), ['sts:AssumeRoleWithSAML', 'sts:TagSession']),
  allow('the second audience', Callers.saml('okta', { aud: 'urn:amazon:webservices' })),
  deny('another audience', Callers.saml('okta', { aud: 'urn:amazon:webservices:cli' })),
  deny('another audience, for sts:TagSession alone', Callers.saml('okta', { aud: 'urn:amazon:webservices:cli' }), ['sts:TagSession']),
]);

describe('Trust.saml in a stack with a known region renders that partition\'s endpoint as a literal', () => {
  test.each([
    ['us-gov-west-1', 'aws-us-gov'],
    ['cn-northwest-1', 'aws-cn'],
    ['eu-central-1', 'aws'],
  ] as const)('%s: allowed only with the %s endpoint', async (region, partition) => {
    const stack = newStack({ id: 'Regional', env: { region } });
    const role = new AssumableRole(stack, 'Console', { trust: [Trust.saml(OKTA)] });
    const evaluator = TrustEvaluator.forStack(stack, partition);
    const results = await Promise.all(PARTITION_NAMES.map(async (p) =>
      [p, (await evaluator.mayAssume(role, Callers.saml('okta', { aud: SAML_SIGN_IN_ENDPOINTS[p] }))).allowed]));
    expect(Object.fromEntries(results)).toEqual(Object.fromEntries(PARTITION_NAMES.map((p) => [p, p === partition])));
  });
});
