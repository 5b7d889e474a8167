import { Template } from 'aws-cdk-lib/assertions';
import { deployedStatements, rawStatements, roleTrusting } from './trust-fixtures';
import { AssumableRole, BuiltinWebIdentityTrust, Trust, TrustRelationship } from '../../src';
import { newStack, stringParameter } from '../support/stacks';
import { errorOf } from '../validation/validation-support';

const POOL = 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const GOV_WEST_POOL = 'us-gov-west-1:11111111-2222-3333-4444-555555555555';
const GOV_EAST_POOL = 'us-gov-east-1:11111111-2222-3333-4444-555555555555';
const CN_POOL = 'cn-north-1:11111111-2222-3333-4444-555555555555';
const GOOGLE_CLIENT = '123456789012-abcdefghijklmnop.apps.googleusercontent.com';
const FACEBOOK_APP = '111222333444555';
const AMAZON_APP = 'amzn1.application-oa2-client.5d1a2b3c4d5e6f';

/** A statement trusting a built-in web identity provider, as deployed. */
function webIdentity(provider: string, condition: object, action: string | string[] = 'sts:AssumeRoleWithWebIdentity'): object {
  return { Effect: 'Allow', Principal: { Federated: provider }, Action: action, Condition: condition };
}

describe('Trust.cognitoIdentityPool', () => {
  test('defaults to authenticated identities of the pool: aud with StringEquals, amr with ForAnyValue:StringLike', () => {
    expect(deployedStatements([Trust.cognitoIdentityPool(POOL)])).toEqual([
      webIdentity('cognito-identity.amazonaws.com', {
        'StringEquals': { 'cognito-identity.amazonaws.com:aud': POOL },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      }),
    ]);
  });

  test('unauthenticated (guest) identities only', () => {
    expect(deployedStatements([Trust.cognitoIdentityPool(POOL, { authenticated: false, unauthenticated: true })])).toEqual([
      webIdentity('cognito-identity.amazonaws.com', {
        'StringEquals': { 'cognito-identity.amazonaws.com:aud': POOL },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
      }),
    ]);
  });

  test('both kinds of identity: both amr values, still one statement', () => {
    expect(deployedStatements([Trust.cognitoIdentityPool(POOL, { unauthenticated: true })])).toEqual([
      webIdentity('cognito-identity.amazonaws.com', {
        'StringEquals': { 'cognito-identity.amazonaws.com:aud': POOL },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': ['authenticated', 'unauthenticated'] },
      }),
    ]);
  });

  test('identityIds add cognito-identity.amazonaws.com:sub', () => {
    const identity = 'us-east-1:99999999-8888-7777-6666-555555555555';
    expect(deployedStatements([Trust.cognitoIdentityPool(POOL, { identityIds: [identity] })])).toEqual([
      webIdentity('cognito-identity.amazonaws.com', {
        'StringEquals': { 'cognito-identity.amazonaws.com:aud': POOL, 'cognito-identity.amazonaws.com:sub': identity },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      }),
    ]);
  });

  test.each([
    ['us-gov-west-1', GOV_WEST_POOL, 'cognito-identity-us-gov.amazonaws.com'],
    ['us-gov-east-1', GOV_EAST_POOL, 'cognito-identity.us-gov-east-1.amazonaws.com'],
    ['cn-north-1', CN_POOL, 'cognito-identity.amazonaws.com'],
  ])('a pool of %s has its Region\'s principal and keys', (_region, pool, principal) => {
    expect(deployedStatements([Trust.cognitoIdentityPool(pool)])).toEqual([
      webIdentity(principal, {
        'StringEquals': { [`${principal}:aud`]: pool },
        'ForAnyValue:StringLike': { [`${principal}:amr`]: 'authenticated' },
      }),
    ]);
  });

  test('a deploy-time pool ID: the stack\'s Region picks the principal, else cognito-identity.amazonaws.com', () => {
    const gov = newStack({ env: { region: 'us-gov-west-1' } });
    expect(rawStatements([Trust.cognitoIdentityPool(stringParameter(gov))], gov)).toEqual([
      webIdentity('cognito-identity-us-gov.amazonaws.com', {
        'StringEquals': { 'cognito-identity-us-gov.amazonaws.com:aud': { Ref: 'P' } },
        'ForAnyValue:StringLike': { 'cognito-identity-us-gov.amazonaws.com:amr': 'authenticated' },
      }),
    ]);
    const agnostic = newStack();
    expect(rawStatements([Trust.cognitoIdentityPool(stringParameter(agnostic))], agnostic)[0].Principal)
      .toEqual({ Federated: 'cognito-identity.amazonaws.com' });
  });

  test('a pool of another partition than the stack is an error naming both', () => {
    const stack = newStack({ env: { region: 'eu-west-1' } });
    expect(errorOf(() => roleTrusting([Trust.cognitoIdentityPool(GOV_WEST_POOL)], stack))).toBe(
      `Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(${GOV_WEST_POOL}, authenticated)": `
      + `the identity pool ${GOV_WEST_POOL} is in partition aws-us-gov, but the role's stack is in eu-west-1 (partition aws); `
      + 'an identity pool can only give credentials for roles of its own partition');
  });

  test('a pool of another Region of the same partition is accepted', () => {
    const stack = newStack({ env: { region: 'eu-west-1' } });
    expect(() => roleTrusting([Trust.cognitoIdentityPool(POOL)], stack)).not.toThrow();
  });

  test('withSessionTags adds sts:TagSession, which attributes for access control need', () => {
    expect(deployedStatements([Trust.cognitoIdentityPool(POOL).withSessionTags()])).toEqual([
      webIdentity('cognito-identity.amazonaws.com', {
        'StringEquals': { 'cognito-identity.amazonaws.com:aud': POOL },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      }, ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']),
    ]);
  });

  test('toString, audiences and userIds', () => {
    const trust = Trust.cognitoIdentityPool(POOL, { unauthenticated: true, identityIds: [POOL] });
    expect(trust.toString()).toBe(`Trust.cognitoIdentityPool(${POOL}, authenticated, unauthenticated)`);
    expect(trust.audiences).toEqual([POOL]);
    expect(trust.userIds).toEqual([POOL]);
  });
});

describe('Trust.google', () => {
  test('the client IDs as accounts.google.com:aud', () => {
    expect(deployedStatements([Trust.google([GOOGLE_CLIENT, 'second.apps.googleusercontent.com'])])).toEqual([
      webIdentity('accounts.google.com', { StringEquals: { 'accounts.google.com:aud': [GOOGLE_CLIENT, 'second.apps.googleusercontent.com'] } }),
    ]);
  });

  test('userIds and originalAudiences add :sub and :oaud', () => {
    expect(deployedStatements([Trust.google(['107806444890271851399'], { userIds: ['107806444890271851399'], originalAudiences: ['sts.amazonaws.com'] })])).toEqual([
      webIdentity('accounts.google.com', {
        StringEquals: {
          'accounts.google.com:aud': '107806444890271851399',
          'accounts.google.com:sub': '107806444890271851399',
          'accounts.google.com:oaud': 'sts.amazonaws.com',
        },
      }),
    ]);
  });

  test.each(['aws-cn', 'aws-us-gov'] as const)('the principal is the same in %s', (partition) => {
    expect(deployedStatements([Trust.google([GOOGLE_CLIENT])], partition)[0].Principal).toEqual({ Federated: 'accounts.google.com' });
  });
});

describe('Trust.facebook and Trust.loginWithAmazon', () => {
  test('Facebook: graph.facebook.com:app_id, users as :id', () => {
    expect(deployedStatements([Trust.facebook([FACEBOOK_APP], { userIds: ['10000000001'] })])).toEqual([
      webIdentity('graph.facebook.com', { StringEquals: { 'graph.facebook.com:app_id': FACEBOOK_APP, 'graph.facebook.com:id': '10000000001' } }),
    ]);
  });

  test('Login with Amazon: www.amazon.com:app_id, users as :user_id', () => {
    expect(deployedStatements([Trust.loginWithAmazon([AMAZON_APP], { userIds: ['amzn1.account.AF2EXAMPLE'] })])).toEqual([
      webIdentity('www.amazon.com', { StringEquals: { 'www.amazon.com:app_id': AMAZON_APP, 'www.amazon.com:user_id': 'amzn1.account.AF2EXAMPLE' } }),
    ]);
  });

  test('withSourceIdentity and withCondition apply to the statement', () => {
    const trust = Trust.facebook([FACEBOOK_APP]).withSourceIdentity().withCondition('StringEquals', 'aws:RequestedRegion', ['eu-west-1']);
    expect(deployedStatements([trust])).toEqual([
      webIdentity('graph.facebook.com', {
        StringEquals: { 'aws:RequestedRegion': 'eu-west-1', 'graph.facebook.com:app_id': FACEBOOK_APP },
      }, ['sts:AssumeRoleWithWebIdentity', 'sts:SetSourceIdentity']),
    ]);
  });
});

describe('built-in web identity values', () => {
  test('are immutable and shared safely between roles', () => {
    const base = Trust.google([GOOGLE_CLIENT]);
    const tagged = base.withSessionTags();
    expect(tagged).not.toBe(base);
    expect(() => { (tagged as any)._audiences = []; }).toThrow(TypeError);
    const stack = newStack();
    new AssumableRole(stack, 'First', { trust: [base] });
    new AssumableRole(stack, 'Second', { trust: [tagged] });
    const actions = Object.values(Template.fromStack(stack).toJSON().Resources)
      .map((r: any) => r.Properties.AssumeRolePolicyDocument.Statement[0].Action);
    expect(actions).toEqual(['sts:AssumeRoleWithWebIdentity', ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']]);
  });

  test('conditions of one provider never reach another of the same role', () => {
    expect(deployedStatements([Trust.cognitoIdentityPool(POOL), Trust.facebook([FACEBOOK_APP])])).toEqual([
      webIdentity('cognito-identity.amazonaws.com', {
        'StringEquals': { 'cognito-identity.amazonaws.com:aud': POOL },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      }),
      webIdentity('graph.facebook.com', { StringEquals: { 'graph.facebook.com:app_id': FACEBOOK_APP } }),
    ]);
  });

  test('deploy-time client IDs are rendered as given, without a check', () => {
    const stack = newStack();
    expect(rawStatements([Trust.google([stringParameter(stack)])], stack)).toEqual([
      webIdentity('accounts.google.com', { StringEquals: { 'accounts.google.com:aud': { Ref: 'P' } } }),
    ]);
  });
});

/** Each shape a built-in factory writes, as JSON, and the typed value it lifts to. */
const LIFTED: Array<[string, object, TrustRelationship]> = [
  ['a Cognito pool, authenticated identities', webIdentity('cognito-identity.amazonaws.com', {
    'StringEquals': { 'cognito-identity.amazonaws.com:aud': POOL },
    'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
  }), Trust.cognitoIdentityPool(POOL)],
  ['a Cognito pool, both kinds of identity, one identity ID, with session tags', webIdentity('cognito-identity.amazonaws.com', {
    'StringEquals': { 'cognito-identity.amazonaws.com:aud': POOL, 'cognito-identity.amazonaws.com:sub': POOL },
    'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': ['authenticated', 'unauthenticated'] },
  }, ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']), Trust.cognitoIdentityPool(POOL, { unauthenticated: true, identityIds: [POOL] }).withSessionTags()],
  ['a GovCloud (US-West) pool under its own principal', webIdentity('cognito-identity-us-gov.amazonaws.com', {
    'StringEquals': { 'cognito-identity-us-gov.amazonaws.com:aud': GOV_WEST_POOL },
    'ForAnyValue:StringLike': { 'cognito-identity-us-gov.amazonaws.com:amr': 'unauthenticated' },
  }), Trust.cognitoIdentityPool(GOV_WEST_POOL, { authenticated: false, unauthenticated: true })],
  ['Google with sub and oaud', webIdentity('accounts.google.com', {
    StringEquals: { 'accounts.google.com:aud': GOOGLE_CLIENT, 'accounts.google.com:sub': '1101', 'accounts.google.com:oaud': 'sts.amazonaws.com' },
  }), Trust.google([GOOGLE_CLIENT], { userIds: ['1101'], originalAudiences: ['sts.amazonaws.com'] })],
  ['Facebook', webIdentity('graph.facebook.com', { StringEquals: { 'graph.facebook.com:app_id': FACEBOOK_APP } }), Trust.facebook([FACEBOOK_APP])],
  ['Login with Amazon with a user', webIdentity('www.amazon.com', { StringEquals: { 'www.amazon.com:app_id': AMAZON_APP, 'www.amazon.com:user_id': 'amzn1.account.X' } }),
    Trust.loginWithAmazon([AMAZON_APP], { userIds: ['amzn1.account.X'] })],
];

/** Statements one element away from a lifted shape: kept as written. */
const NEAR_MISSES: Array<[string, object]> = [
  ['Cognito without amr (the factory always writes it)', webIdentity('cognito-identity.amazonaws.com', { StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL } })],
  ['Cognito without aud', webIdentity('cognito-identity.amazonaws.com', { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } })],
  ['Cognito amr limited to a login provider', webIdentity('cognito-identity.amazonaws.com', {
    'StringEquals': { 'cognito-identity.amazonaws.com:aud': POOL },
    'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'graph.facebook.com' },
  })],
  ['Cognito with two pools', webIdentity('cognito-identity.amazonaws.com', {
    'StringEquals': { 'cognito-identity.amazonaws.com:aud': [POOL, 'us-east-1:11111111-2222-3333-4444-555555555555'] },
    'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
  })],
  ['a GovCloud pool under the commercial principal (the factory names the pool Region\'s)', webIdentity('cognito-identity.amazonaws.com', {
    'StringEquals': { 'cognito-identity.amazonaws.com:aud': GOV_WEST_POOL },
    'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
  })],
  ['Google aud with StringLike', webIdentity('accounts.google.com', { StringLike: { 'accounts.google.com:aud': '*.apps.googleusercontent.com' } })],
  ['Facebook with another condition', webIdentity('graph.facebook.com', { StringEquals: { 'graph.facebook.com:app_id': FACEBOOK_APP, 'aws:RequestedRegion': 'eu-west-1' } })],
  ['Login with Amazon with oaud (a Google key)', webIdentity('www.amazon.com', { StringEquals: { 'www.amazon.com:app_id': AMAZON_APP, 'accounts.google.com:oaud': 'x' } })],
];

describe('Trust.fromPolicyJson and the built-in providers', () => {
  test.each(LIFTED)('lifts %s', (_name, statement, typed) => {
    const trust = Trust.fromPolicyJson({ Version: '2012-10-17', Statement: [statement] });
    expect(trust.verbatimStatements).toEqual([]);
    expect(trust.liftedTrusts).toHaveLength(1);
    expect(trust.liftedTrusts[0]).toBeInstanceOf(BuiltinWebIdentityTrust);
    expect(rawStatements([trust])).toEqual(rawStatements([typed]));
  });

  test.each(NEAR_MISSES)('keeps %s as written', (_name, statement) => {
    const trust = Trust.fromPolicyJson({ Version: '2012-10-17', Statement: [statement] });
    expect(trust.liftedTrusts).toEqual([]);
    expect(rawStatements([trust])).toEqual([statement]);
  });
});
