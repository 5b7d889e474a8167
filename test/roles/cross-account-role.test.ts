import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT_ID, arnOf, describeAssumableRoleBehaviour, join, logicalIdOf, PARTITION, trustStatements } from './role-behaviour';
import { CrossAccountRole, CrossAccountRoleProps, Trust } from '../../src';
import { newStack } from '../support/stacks';

const PARTNER_ROOT = join('arn:', PARTITION, ':iam::111122223333:root');

describeAssumableRoleBehaviour('CrossAccountRole', {
  make: (scope, id, props = {}) => new CrossAccountRole(scope, id, { ...props, trustedAccounts: ['111122223333'], externalIds: ['partner-7d1f'] }),
  ownStatements: [{
    Effect: 'Allow',
    Principal: { AWS: PARTNER_ROOT },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'partner-7d1f' } },
  }],
  extraTrustFirst: true,
  plainPrincipal: () => new iam.AccountPrincipal('111122223333'),
});

describe('CrossAccountRole', () => {
  test('has the logical ID a plain iam.Role with the same id gets', () => {
    const stack = newStack();
    const role = new CrossAccountRole(stack, 'PartnerRole', { trustedAccounts: ['111122223333'] });
    const plain = new iam.Role(newStack({ id: 'Other' }), 'PartnerRole', { assumedBy: new iam.AccountPrincipal('111122223333') });
    expect(logicalIdOf(role)).toBe('PartnerRole53D7BEB1');
    expect(logicalIdOf(plain)).toBe('PartnerRole53D7BEB1');
  });

  test('trustedAccounts with externalIds: any one ExternalId is accepted', () => {
    const role = new CrossAccountRole(newStack(), 'Role', {
      trustedAccounts: ['111122223333'],
      externalIds: ['partner-7d1f', 'partner-rotated-2025'],
    });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: PARTNER_ROOT },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': ['partner-7d1f', 'partner-rotated-2025'] } },
    }]);
  });

  test('accounts, roles and users with identical conditions share one statement', () => {
    const role = new CrossAccountRole(newStack(), 'Role', {
      trustedAccounts: ['111122223333', '444455556666'],
      trustedRoleArns: ['arn:{partition}:iam::111122223333:role/ci/deployer'],
      trustedUserArns: ['arn:aws:iam::444455556666:user/alice'],
    });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: {
        AWS: [
          PARTNER_ROOT,
          join('arn:', PARTITION, ':iam::444455556666:root'),
          join('arn:', PARTITION, ':iam::111122223333:role/ci/deployer'),
          'arn:aws:iam::444455556666:user/alice',
        ],
      },
      Action: 'sts:AssumeRole',
    }]);
  });

  test('{account} trusts the stack account', () => {
    const role = new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['{account}'] });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':root') },
      Action: 'sts:AssumeRole',
    }]);
  });

  test('requireMfa requires aws:MultiFactorAuthPresent', () => {
    const role = new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], requireMfa: true });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: PARTNER_ROOT },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    }]);
  });

  test('mfaMaxAge implies requireMfa and limits aws:MultiFactorAuthAge in seconds', () => {
    const role = new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], mfaMaxAge: Duration.hours(1) });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: PARTNER_ROOT },
      Action: 'sts:AssumeRole',
      Condition: {
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' },
      },
    }]);
  });

  test('requireMfa: false with mfaMaxAge is an error, not a silent MFA requirement (the age key exists only with MFA)', () => {
    expect(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], requireMfa: false, mfaMaxAge: Duration.hours(1) }))
      .toThrow('Stack/Role: invalid requireMfa false: is false, but an MFA max age requires MFA (aws:MultiFactorAuthAge is absent from requests without MFA); '
        + 'set requireMfa to true or leave it out, or remove the max age');
    const explicit = new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], requireMfa: true, mfaMaxAge: Duration.hours(1) });
    expect(trustStatements(explicit)[0].Condition).toEqual({
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' },
    });
  });

  test('principalArnPatterns restrict aws:PrincipalArn with ArnLike', () => {
    const role = new CrossAccountRole(newStack(), 'Role', {
      trustedAccounts: ['111122223333'],
      principalArnPatterns: ['arn:{partition}:iam::111122223333:role/deployers/*', 'arn:aws:iam::111122223333:role/break-glass'],
    });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: PARTNER_ROOT },
      Action: 'sts:AssumeRole',
      Condition: {
        ArnLike: {
          'aws:PrincipalArn': [
            join('arn:', PARTITION, ':iam::111122223333:role/deployers/*'),
            'arn:aws:iam::111122223333:role/break-glass',
          ],
        },
      },
    }]);
  });

  test('organizationId requires aws:PrincipalOrgID', () => {
    const role = new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], organizationId: 'o-a1b2c3d4e5' });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: PARTNER_ROOT },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    }]);
  });

  test('sessionTags adds sts:TagSession to the statement', () => {
    const role = new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], sessionTags: true });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: PARTNER_ROOT },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    }]);
  });

  test('sourceIdentity adds sts:SetSourceIdentity to the statement', () => {
    const role = new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], sourceIdentity: true });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: PARTNER_ROOT },
      Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
    }]);
  });

  test('all conditions together must all hold, for every trusted principal', () => {
    const role = new CrossAccountRole(newStack(), 'Role', {
      trustedAccounts: ['111122223333'],
      trustedRoleArns: ['arn:aws:iam::111122223333:role/ci'],
      externalIds: ['partner-7d1f'],
      mfaMaxAge: Duration.minutes(15),
      principalArnPatterns: ['arn:aws:iam::111122223333:*'],
      organizationId: 'o-a1b2c3d4e5',
      sessionTags: true,
      sourceIdentity: true,
    });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: [PARTNER_ROOT, 'arn:aws:iam::111122223333:role/ci'] },
      Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Condition: {
        StringEquals: { 'sts:ExternalId': 'partner-7d1f', 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '900' },
        ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:*' },
      },
    }]);
  });

  test('the conditions of the props do not apply to relationships of the trust prop', () => {
    const role = new CrossAccountRole(newStack(), 'Role', {
      trust: [Trust.service('ec2')],
      trustedAccounts: ['111122223333'],
      externalIds: ['partner-7d1f'],
      requireMfa: true,
    });
    expect(trustStatements(role)).toEqual([
      { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Allow',
        Principal: { AWS: PARTNER_ROOT },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'sts:ExternalId': 'partner-7d1f' },
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        },
      },
    ]);
  });

  test.each<[keyof CrossAccountRoleProps, unknown, string]>([
    ['externalIds', ['partner-7d1f'], '["partner-7d1f"]'],
    ['requireMfa', true, 'true'],
    ['mfaMaxAge', Duration.hours(1), ''],
    ['principalArnPatterns', ['arn:aws:iam::111122223333:role/*'], '["arn:aws:iam::111122223333:role/*"]'],
    ['organizationId', 'o-a1b2c3d4e5', '"o-a1b2c3d4e5"'],
    ['sessionTags', true, 'true'],
    ['sourceIdentity', true, 'true'],
  ])('%s without a trusted account, role or user throws', (field, value, shown) => {
    const props = { trust: [Trust.service('ec2')], [field]: value } as CrossAccountRoleProps;
    expect(() => new CrossAccountRole(newStack(), 'Role', props))
      .toThrow(new RegExp(`^Stack/Role: invalid ${field} ${shown.replace(/[[\]*/]/g, '\\$&')}.*applies to trustedAccounts, trustedRoleArns and trustedUserArns`));
  });

  test('no trusted principal and no trust fails at synth', () => {
    const stack = newStack();
    new CrossAccountRole(stack, 'Role', {});
    expect(() => Template.fromStack(stack)).toThrow(/Stack\/Role: the role trusts no one/);
  });

  test('invalid principals and conditions throw with the path and the value', () => {
    expect(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['1111-2222-3333'] }))
      .toThrow(/^Stack\/Role: invalid trustedAccounts .*account ID "1111-2222-3333" must be 12 digits/);
    expect(() => new CrossAccountRole(newStack(), 'Role', { trustedRoleArns: ['arn:aws:iam::111122223333:user/alice'] }))
      .toThrow(/^Stack\/Role: invalid trustedRoleArns .*"arn:aws:iam::111122223333:user\/alice" is not an IAM role ARN/);
    expect(() => new CrossAccountRole(newStack(), 'Role', { trustedUserArns: ['arn:aws:iam::111122223333:role/ci'] }))
      .toThrow(/^Stack\/Role: invalid trustedUserArns .*"arn:aws:iam::111122223333:role\/ci" is not an IAM user ARN/);
    expect(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], externalIds: ['x'] }))
      .toThrow(/^Stack\/Role: invalid .*ExternalId "x" must be 2-1,224 characters/);
    expect(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], organizationId: 'my-org' }))
      .toThrow(/^Stack\/Role: invalid .*organization ID "my-org" must match/);
    expect(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: ['111122223333'], principalArnPatterns: ['role/*'] }))
      .toThrow(/^Stack\/Role: invalid .*"role\/\*" is not an ARN/);
  });

  test('callerPolicyStatement allows sts:AssumeRole on the role', () => {
    const stack = newStack();
    const role = new CrossAccountRole(stack, 'Role', { trustedAccounts: ['111122223333'] });
    expect(stack.resolve(role.callerPolicyStatement().toStatementJson())).toEqual({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: arnOf(role),
    });
  });

  test('callerPolicyStatement includes sts:TagSession with sessionTags', () => {
    const stack = newStack();
    const role = new CrossAccountRole(stack, 'Role', { trustedAccounts: ['111122223333'], sessionTags: true });
    expect(stack.resolve(role.callerPolicyStatement().toStatementJson())).toEqual({
      Effect: 'Allow',
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Resource: arnOf(role),
    });
  });

  test('callerPolicyStatement includes sts:SetSourceIdentity with sourceIdentity', () => {
    const stack = newStack();
    const role = new CrossAccountRole(stack, 'Role', { trustedAccounts: ['111122223333'], sessionTags: true, sourceIdentity: true });
    expect(stack.resolve(role.callerPolicyStatement().toStatementJson())).toEqual({
      Effect: 'Allow',
      Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Resource: arnOf(role),
    });
  });

  test('callerPolicyStatement can be granted to a caller', () => {
    const stack = newStack();
    const role = new CrossAccountRole(stack, 'Role', { trustedAccounts: ['{account}'], sessionTags: true });
    const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    caller.addToPrincipalPolicy(role.callerPolicyStatement());
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: arnOf(role) }] },
      Roles: [{ Ref: logicalIdOf(caller) }],
    });
  });
});
