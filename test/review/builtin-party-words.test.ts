import { Stack } from 'aws-cdk-lib';
import { AssumableRole, Trust } from '../../src';
import { RoleReview } from '../../src/review/role-review';
import { PartyContext, trustedParties } from '../../src/review/trusted-party';
import { useTempAssemblies } from '../support/assemblies';

const context: PartyContext = {
  ownAccount: '111111111111',
  ownAccountKnown: true,
  display: (text) => text,
  roleLabel: (index) => `App/Role${index}`,
};

const POOL = 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const CLIENT = '123456789012-abcdefghijklmnop.apps.googleusercontent.com';

function sentences(provider: string, condition?: object, action: string | string[] = 'sts:AssumeRoleWithWebIdentity'): string[] {
  const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: provider }, Action: action, ...(condition ? { Condition: condition } : {}) }] };
  return trustedParties(doc, context).map((p) => p.sentence);
}

const cognito = (amr?: string | string[], extra: object = {}) => ({
  StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL, ...extra },
  ...(amr ? { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr } } : {}),
});

describe('the web identity providers built into STS, in plain words', () => {
  test.each([
    ['authenticated identities', cognito('authenticated'), `authenticated identities of Cognito identity pool ${POOL}`],
    ['guests', cognito('unauthenticated'), `unauthenticated (guest) identities of Cognito identity pool ${POOL}`],
    ['both', cognito(['authenticated', 'unauthenticated']), `authenticated and unauthenticated (guest) identities of Cognito identity pool ${POOL}`],
    ['no amr', cognito(), `any identity (authenticated or guest) of Cognito identity pool ${POOL}`],
    ['a login provider', cognito('graph.facebook.com'), `identities of Cognito identity pool ${POOL}, signed in with graph.facebook.com`],
    ['one identity', cognito('authenticated', { 'cognito-identity.amazonaws.com:sub': 'us-east-1:99999999-8888-7777-6666-555555555555' }),
      `authenticated identities of Cognito identity pool ${POOL}, identity us-east-1:99999999-8888-7777-6666-555555555555`],
    ['no pool ID', { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }, 'authenticated identities of any Cognito identity pool'],
  ])('Cognito, %s', (_what, condition, expected) => {
    expect(sentences('cognito-identity.amazonaws.com', condition)).toEqual([expected]);
  });

  test('the GovCloud Cognito principals read the same', () => {
    const gov = 'cognito-identity-us-gov.amazonaws.com';
    expect(sentences(gov, { 'StringEquals': { [`${gov}:aud`]: 'us-gov-west-1:1' }, 'ForAnyValue:StringLike': { [`${gov}:amr`]: 'authenticated' } }))
      .toEqual(['authenticated identities of Cognito identity pool us-gov-west-1:1']);
  });

  test.each([
    ['Google, a client', 'accounts.google.com', { StringEquals: { 'accounts.google.com:aud': CLIENT } }, `Google sign-in, client ${CLIENT}`],
    ['Google, two clients, oaud and a user', 'accounts.google.com',
      { StringEquals: { 'accounts.google.com:aud': [CLIENT, 'c2'], 'accounts.google.com:oaud': 'sts.amazonaws.com', 'accounts.google.com:sub': '1101' } },
      `Google sign-in, client ${CLIENT} or c2, original audience sts.amazonaws.com, user 1101`],
    ['Google without a client', 'accounts.google.com', undefined, 'Google sign-in, any client'],
    ['Facebook, an app and a user', 'graph.facebook.com', { StringEquals: { 'graph.facebook.com:app_id': '111222333444555', 'graph.facebook.com:id': '10000000001' } },
      'Facebook login, app 111222333444555, user 10000000001'],
    ['Login with Amazon', 'www.amazon.com', { StringEquals: { 'www.amazon.com:app_id': 'amzn1.application-oa2-client.5d' } }, 'Login with Amazon, app amzn1.application-oa2-client.5d'],
    ['an app ID only negated (not who, but how)', 'graph.facebook.com', { StringNotEquals: { 'graph.facebook.com:app_id': '111' } },
      'Facebook login, any app with graph.facebook.com:app_id StringNotEquals 111'],
    ['another condition', 'graph.facebook.com', { StringEquals: { 'graph.facebook.com:app_id': '111', 'aws:RequestedRegion': 'eu-west-1' } },
      'Facebook login, app 111 with aws:RequestedRegion StringEquals eu-west-1'],
  ])('%s', (_what, provider, condition, expected) => {
    expect(sentences(provider, condition)).toEqual([expected]);
  });

  test('each condition has its words, and the provider\'s keys narrow who', () => {
    const doc = { Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: cognito('authenticated') }] };
    expect(trustedParties(doc, context)[0].conditions.map((c) => [c.key, c.words, c.narrowsWho])).toEqual([
      ['cognito-identity.amazonaws.com:aud', `identity pool ${POOL}`, true],
      ['cognito-identity.amazonaws.com:amr', 'authenticated identities', true],
    ]);
  });
});

describe('the review of an app with the built-in factories', () => {
  const synth = useTempAssemblies();

  test('reads the synthesized roles in the same words', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S');
      new AssumableRole(stack, 'Mobile', { trust: [Trust.cognitoIdentityPool(POOL, { unauthenticated: true })] });
      new AssumableRole(stack, 'Web', { trust: [Trust.google([CLIENT]), Trust.loginWithAmazon(['amzn1.application-oa2-client.5d']).withSessionTags()] });
    });
    const review = RoleReview.fromAssembly(dir);
    expect(review._model.roles.map((r) => [r.label, r.parties.map((p) => p.sentence)])).toEqual([
      ['S/Mobile', [`authenticated and unauthenticated (guest) identities of Cognito identity pool ${POOL}`]],
      ['S/Web', [`Google sign-in, client ${CLIENT}`, 'Login with Amazon, app amzn1.application-oa2-client.5d']],
    ]);
  });
});
