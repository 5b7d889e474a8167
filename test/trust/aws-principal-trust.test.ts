import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ACCOUNT_ID, deployedStatements, join, PARTITION, rawStatements, roleTrusting } from './trust-fixtures';
import { Trust } from '../../src';
import { newStack } from '../support/stacks';

const ACCOUNT_A = '111122223333';
const ACCOUNT_B = '444455556666';

/** The one statement trusting `arn:aws:iam::<ACCOUNT_A>:root`, with the given extras. */
function accountStatement(extra: object = {}): object {
  return { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_A}:root` }, Action: 'sts:AssumeRole', ...extra };
}

describe('Trust.account / Trust.accounts', () => {
  test('trusts the account root with sts:AssumeRole, partition-aware', () => {
    const stack = newStack();
    roleTrusting([Trust.account(ACCOUNT_A)], stack);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Effect: 'Allow', Principal: { AWS: join('arn:', PARTITION, `:iam::${ACCOUNT_A}:root`) }, Action: 'sts:AssumeRole' }],
      },
    });
  });

  test.each([
    ['aws', `arn:aws:iam::${ACCOUNT_A}:root`],
    ['aws-cn', `arn:aws-cn:iam::${ACCOUNT_A}:root`],
    ['aws-us-gov', `arn:aws-us-gov:iam::${ACCOUNT_A}:root`],
  ] as const)('resolves the root ARN in %s', (partition, arn) => {
    expect(deployedStatements([Trust.account(ACCOUNT_A)], partition)).toEqual([
      { Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('{account} is the stack account', () => {
    expect(rawStatements([Trust.account('{account}')])).toEqual([
      { Effect: 'Allow', Principal: { AWS: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':root') }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('several accounts share one statement', () => {
    expect(deployedStatements([Trust.accounts([ACCOUNT_A, ACCOUNT_B])], 'aws-cn')).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws-cn:iam::${ACCOUNT_A}:root`, `arn:aws-cn:iam::${ACCOUNT_B}:root`] },
      Action: 'sts:AssumeRole',
    }]);
  });

  test('an account listed twice is named once', () => {
    expect(deployedStatements([Trust.accounts([ACCOUNT_A, ACCOUNT_A])])).toEqual([accountStatement()]);
  });
});

describe('Trust.role / Trust.roles / Trust.user / Trust.principals', () => {
  test.each([
    ['aws', 'arn:aws:iam::111122223333:role/deployer'],
    ['aws-cn', 'arn:aws-cn:iam::111122223333:role/deployer'],
    ['aws-us-gov', 'arn:aws-us-gov:iam::111122223333:role/deployer'],
  ] as const)('a role ARN template resolves in %s', (partition, arn) => {
    expect(deployedStatements([Trust.role('arn:{partition}:iam::111122223333:role/deployer')], partition)).toEqual([
      { Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('a literal role ARN stays a plain string', () => {
    expect(rawStatements([Trust.role('arn:aws:iam::111122223333:role/path/deployer')])).toEqual([
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/path/deployer' }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('several roles share one statement', () => {
    expect(deployedStatements([Trust.roles(['arn:{partition}:iam::111122223333:role/a', 'arn:{partition}:iam::{account}:role/b'])], 'aws-us-gov'))
      .toEqual([{
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws-us-gov:iam::111122223333:role/a', 'arn:aws-us-gov:iam::123456789012:role/b'] },
        Action: 'sts:AssumeRole',
      }]);
  });

  test('trusts a user', () => {
    expect(deployedStatements([Trust.user('arn:{partition}:iam::111122223333:user/alice')], 'aws-cn')).toEqual([
      { Effect: 'Allow', Principal: { AWS: 'arn:aws-cn:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('trusts a mix of roots, roles and users', () => {
    const trust = Trust.principals([
      'arn:{partition}:iam::111122223333:root',
      'arn:{partition}:iam::444455556666:role/ci',
      'arn:aws:iam::777788889999:user/bob',
    ]);
    expect(deployedStatements([trust])).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/ci', 'arn:aws:iam::777788889999:user/bob'] },
      Action: 'sts:AssumeRole',
    }]);
  });
});

describe('AwsPrincipalTrust.withExternalId(s)', () => {
  test('requires sts:ExternalId with StringEquals', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withExternalId('partner-1234')])).toEqual([
      accountStatement({ Condition: { StringEquals: { 'sts:ExternalId': 'partner-1234' } } }),
    ]);
  });

  test('several ExternalIds are ORed in one condition', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withExternalIds(['id-one', 'id-two'])])).toEqual([
      accountStatement({ Condition: { StringEquals: { 'sts:ExternalId': ['id-one', 'id-two'] } } }),
    ]);
  });

  test('accepts the whole ExternalId character set', () => {
    const id = 'Az09_+=,.@:/-';
    expect(deployedStatements([Trust.account(ACCOUNT_A).withExternalId(id)])[0].Condition).toEqual({ StringEquals: { 'sts:ExternalId': id } });
  });
});

describe('AwsPrincipalTrust.requireMfa', () => {
  test('without a maximum age, requires aws:MultiFactorAuthPresent only', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).requireMfa()])).toEqual([
      accountStatement({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
    ]);
  });

  test('with a maximum age, also bounds aws:MultiFactorAuthAge in seconds', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).requireMfa(Duration.hours(1))])).toEqual([
      accountStatement({
        Condition: {
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' },
        },
      }),
    ]);
  });

  test('a maximum age in minutes is converted to seconds', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).requireMfa(Duration.minutes(15))])[0].Condition.NumericLessThanEquals)
      .toEqual({ 'aws:MultiFactorAuthAge': '900' });
  });
});

describe('AwsPrincipalTrust.withPrincipalArn', () => {
  test.each([
    ['aws', 'arn:aws:iam::111122223333:role/deployers/*'],
    ['aws-cn', 'arn:aws-cn:iam::111122223333:role/deployers/*'],
    ['aws-us-gov', 'arn:aws-us-gov:iam::111122223333:role/deployers/*'],
  ] as const)('compares aws:PrincipalArn with ArnLike (%s)', (partition, pattern) => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withPrincipalArn('arn:{partition}:iam::111122223333:role/deployers/*')], partition)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: `arn:${partition}:iam::${ACCOUNT_A}:root` },
      Action: 'sts:AssumeRole',
      Condition: { ArnLike: { 'aws:PrincipalArn': pattern } },
    }]);
  });
});

describe('AwsPrincipalTrust.withinOrganization', () => {
  test('requires aws:PrincipalOrgID', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withinOrganization('o-a1b2c3d4e5')])).toEqual([
      accountStatement({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
    ]);
  });
});

describe('AwsPrincipalTrust common chain methods', () => {
  test('withSessionTags and withSourceIdentity add their actions', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withSessionTags().withSourceIdentity()])).toEqual([
      accountStatement({ Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] }),
    ]);
  });

  test('withCondition adds a condition of your own', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withCondition('StringEquals', 'aws:PrincipalTag/team', ['platform'])])).toEqual([
      accountStatement({ Condition: { StringEquals: { 'aws:PrincipalTag/team': 'platform' } } }),
    ]);
  });

  test('withCondition accepts set operators', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withCondition('ForAnyValue:StringLike', 'aws:TagKeys', ['team-*'])])[0].Condition)
      .toEqual({ 'ForAnyValue:StringLike': { 'aws:TagKeys': 'team-*' } });
  });

  test('all typed conditions together, and nothing else', () => {
    const trust = Trust.account(ACCOUNT_A)
      .withExternalId('partner-1234')
      .requireMfa(Duration.minutes(30))
      .withPrincipalArn('arn:{partition}:iam::111122223333:role/ops-*')
      .withinOrganization('o-a1b2c3d4e5');
    expect(deployedStatements([trust], 'aws-cn')).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws-cn:iam::111122223333:root' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'sts:ExternalId': 'partner-1234', 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '1800' },
        ArnLike: { 'aws:PrincipalArn': 'arn:aws-cn:iam::111122223333:role/ops-*' },
      },
    }]);
  });
});
