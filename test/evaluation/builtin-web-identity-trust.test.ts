/**
 * Who may assume a role trusting a web identity provider built into STS: identities of the one
 * Cognito identity pool (of the right kind: authenticated or guest), users of the one Google
 * client or Facebook / Login with Amazon app, and nobody else: not another pool, client or app,
 * not the same audience under another provider, not an IAM principal.
 *
 * A Cognito token carries `aud` (the pool ID), `sub` (the identity ID) and the multivalued `amr`
 * (`unauthenticated`, or `authenticated` with the login providers used); Google's `aud`, `oaud`
 * and `sub`; Facebook's `app_id` and `id`; Amazon's `app_id` and `user_id`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
 * The callers below present them all, as STS does.
 *
 * The engine knows these keys in their commercial form but types Cognito's `amr` as one string,
 * and does not know the AWS GovCloud (US) Cognito keys: the evaluator then takes the documented
 * unsafe path (`multivalued-claim-keys`, `oidc-claim-keys`), and throws on any other ignored key.
 */
import { allow, Case, deny, describeCases, HOME, PARTNER } from './evaluation-fixtures';
import { AssumableRole, Trust, TrustRelationship } from '../../src';
import { ENVIRONMENTS, PARTITION_NAMES, PartitionName } from '../support/resolve';
import { newStack } from '../support/stacks';
import { Callers, ContextValues, TrustEvaluator } from '../support/trust-evaluator';

const GUID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const OTHER_GUID = '11111111-2222-3333-4444-555555555555';
const WEB = 'sts:AssumeRoleWithWebIdentity';

/** Each partition's pool: in the Region the partition's evaluations use, with that Region's principal. */
const POOL_OF = (partition: PartitionName) => `${ENVIRONMENTS[partition].region}:${GUID}`;
const OTHER_POOL_OF = (partition: PartitionName) => `${ENVIRONMENTS[partition].region}:${OTHER_GUID}`;
const COGNITO: Record<PartitionName, string> = {
  'aws': 'cognito-identity.amazonaws.com',
  'aws-cn': 'cognito-identity.amazonaws.com',
  'aws-us-gov': 'cognito-identity-us-gov.amazonaws.com',
};

/** A Cognito identity of the pool: `amr` as Cognito sets it. */
function identity(partition: PartitionName, pool: string, amr: string[], provider = COGNITO[partition]) {
  return Callers.builtinWebIdentity(provider, { aud: pool, sub: `${ENVIRONMENTS[partition].region}:99999999-8888-7777-6666-555555555555`, amr });
}

const SIGNED_IN = ['authenticated', 'graph.facebook.com'];
const GUEST = ['unauthenticated'];

/** Runs the cases of a Cognito role, in each partition with a stack of that partition's pool. */
function describeCognito(title: string, trust: (pool: string) => TrustRelationship, cases: (p: PartitionName) => Case[]): void {
  for (const partition of PARTITION_NAMES) {
    describeCases(title, () => {
      const stack = newStack();
      return { stack, role: new AssumableRole(stack, 'App', { trust: [trust(POOL_OF(partition))] }) };
    }, cases, [partition]);
  }
}

describeCognito('Trust.cognitoIdentityPool: authenticated identities (the default)', (pool) => Trust.cognitoIdentityPool(pool), (p) => [
  allow('an identity signed in with Facebook (amr authenticated, graph.facebook.com)', identity(p, POOL_OF(p), SIGNED_IN)),
  allow('an identity signed in through a developer provider (amr authenticated only)', identity(p, POOL_OF(p), ['authenticated'])),
  deny('a guest of the pool (amr unauthenticated)', identity(p, POOL_OF(p), GUEST)),
  deny('a signed-in identity of another pool', identity(p, OTHER_POOL_OF(p), SIGNED_IN)),
  deny('the pool ID as a Google client ID (another provider)', Callers.builtinWebIdentity('accounts.google.com', { aud: POOL_OF(p), sub: '1101', oaud: POOL_OF(p) })),
  ...(p === 'aws-us-gov'
    ? [deny('a token of the commercial Cognito principal (GovCloud pools use cognito-identity-us-gov)', identity(p, POOL_OF(p), SIGNED_IN, 'cognito-identity.amazonaws.com'))]
    : [deny('a token of the GovCloud Cognito principal', identity(p, POOL_OF(p), SIGNED_IN, 'cognito-identity-us-gov.amazonaws.com'))]),
  deny('the web identity call with session tags (not enabled)', identity(p, POOL_OF(p), SIGNED_IN), [WEB, 'sts:TagSession']),
  deny('a role of the account', Callers.role(HOME, 'app')),
  deny('a role of another account', Callers.role(PARTNER, 'app')),
]);

describeCognito('Trust.cognitoIdentityPool: guests only', (pool) => Trust.cognitoIdentityPool(pool, { authenticated: false, unauthenticated: true }), (p) => [
  allow('a guest of the pool', identity(p, POOL_OF(p), GUEST)),
  deny('a signed-in identity of the pool', identity(p, POOL_OF(p), SIGNED_IN)),
  deny('a guest of another pool', identity(p, OTHER_POOL_OF(p), GUEST)),
]);

describeCognito('Trust.cognitoIdentityPool: both kinds, one identity, with session tags (attributes for access control)',
  (pool) => Trust.cognitoIdentityPool(pool, { unauthenticated: true, identityIds: [`${pool.split(':')[0]}:99999999-8888-7777-6666-555555555555`] }).withSessionTags(), (p) => [
    allow('the identity signed in, with session tags', identity(p, POOL_OF(p), SIGNED_IN), [WEB, 'sts:TagSession']),
    allow('the identity as a guest', identity(p, POOL_OF(p), GUEST)),
    deny('another identity of the pool', Callers.builtinWebIdentity(COGNITO[p], { aud: POOL_OF(p), sub: `${ENVIRONMENTS[p].region}:${OTHER_GUID}`, amr: SIGNED_IN })),
    deny('an identity without amr (no such token, but the condition requires it)', Callers.builtinWebIdentity(COGNITO[p], { aud: POOL_OF(p), sub: `${ENVIRONMENTS[p].region}:99999999-8888-7777-6666-555555555555` })),
  ]);

const CLIENT = '123456789012-abcdefghijklmnop.apps.googleusercontent.com';
const google = (claims: ContextValues) => Callers.builtinWebIdentity('accounts.google.com', { aud: CLIENT, oaud: CLIENT, sub: '1101', ...claims });
const facebook = (claims: ContextValues) => Callers.builtinWebIdentity('graph.facebook.com', { app_id: '111222333444555', id: '10000000001', ...claims });
const amazon = (claims: ContextValues) => Callers.builtinWebIdentity('www.amazon.com', { app_id: 'amzn1.application-oa2-client.5d', user_id: 'amzn1.account.AF2', ...claims });

describeCases('Trust.google, Trust.facebook and Trust.loginWithAmazon on one role', () => {
  const stack = newStack();
  return {
    stack,
    role: new AssumableRole(stack, 'Social', {
      trust: [Trust.google([CLIENT]), Trust.facebook(['111222333444555'], { userIds: ['10000000001'] }), Trust.loginWithAmazon(['amzn1.application-oa2-client.5d'])],
    }),
  };
}, [
  allow('a Google user of the client', google({})),
  deny('a Google user of another client', google({ aud: 'other.apps.googleusercontent.com', oaud: 'other.apps.googleusercontent.com' })),
  deny('the client ID as a Facebook app ID (another provider)', Callers.builtinWebIdentity('graph.facebook.com', { app_id: CLIENT, id: '10000000001' })),
  allow('the Facebook user of the app', facebook({})),
  deny('another Facebook user of the app', facebook({ id: '10000000002' })),
  deny('the Facebook user through another app', facebook({ app_id: '999888777666555' })),
  allow('a Login with Amazon user of the app', amazon({})),
  deny('a Login with Amazon user of another app', amazon({ app_id: 'amzn1.application-oa2-client.other' })),
  deny('the Amazon app ID as a Facebook app ID', Callers.builtinWebIdentity('graph.facebook.com', { app_id: 'amzn1.application-oa2-client.5d', id: '10000000001' })),
  deny('a role of the account', Callers.role(HOME, 'app')),
  deny('an OIDC provider registered for accounts.google.com', Callers.webIdentity('accounts.google.com', '1101', { aud: CLIENT })),
]);

describeCases('Trust.google for a service account: aud is azp, oaud the requested audience', () => {
  const stack = newStack();
  const trust = Trust.google(['107806444890271851399'], { userIds: ['107806444890271851399'], originalAudiences: ['sts.amazonaws.com'] });
  return { stack, role: new AssumableRole(stack, 'Gcp', { trust: [trust] }) };
}, [
  allow('the service account\'s token for STS', google({ aud: '107806444890271851399', sub: '107806444890271851399', oaud: 'sts.amazonaws.com' })),
  deny('its token for another audience', google({ aud: '107806444890271851399', sub: '107806444890271851399', oaud: 'https://example.com' })),
  deny('another service account of the same client', google({ aud: '107806444890271851399', sub: '999', oaud: 'sts.amazonaws.com' })),
]);

describe('the evaluator takes the unsafe path only for the documented gaps', () => {
  test.each(PARTITION_NAMES)('%s: Cognito keys and amr', async (partition) => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'App', { trust: [Trust.cognitoIdentityPool(POOL_OF(partition))] });
    const evaluator = TrustEvaluator.forStack(stack, partition);
    const single = await evaluator.mayAssume(role, identity(partition, POOL_OF(partition), ['authenticated']));
    const multi = await evaluator.mayAssume(role, identity(partition, POOL_OF(partition), SIGNED_IN));
    // The engine knows the commercial Cognito keys (and types amr as one string), not GovCloud's.
    const known = partition !== 'aws-us-gov';
    expect(single).toMatchObject({ allowed: true, workarounds: known ? [] : ['oidc-claim-keys'] });
    expect(multi).toMatchObject({ allowed: true, workarounds: known ? ['multivalued-claim-keys'] : ['oidc-claim-keys'] });
  });

  test('Google, Facebook and Amazon keys are known to the engine; only their principal needs the documented workaround', async () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Social', { trust: [Trust.google([CLIENT]), Trust.facebook(['111222333444555']), Trust.loginWithAmazon(['amzn1.application-oa2-client.5d'])] });
    const evaluator = TrustEvaluator.forStack(stack, 'aws');
    for (const caller of [google({}), facebook({}), amazon({})]) {
      expect(await evaluator.mayAssume(role, caller)).toMatchObject({ allowed: true, workarounds: ['federated-provider-principal'] });
    }
  });

  test('a claim the trust policy does not name, unknown to the engine, is refused rather than dropped', async () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'App', { trust: [Trust.cognitoIdentityPool(POOL_OF('aws'))] });
    const caller = Callers.builtinWebIdentity(COGNITO.aws, { aud: POOL_OF('aws'), amr: ['authenticated'] }, { context: { 'example.com:claim': 'x' } });
    await expect(TrustEvaluator.forStack(stack, 'aws').mayAssume(role, caller)).rejects.toThrow(/the engine ignored context key example.com:claim/);
  });
});
