import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CallerPolicy, CrossAccountRole } from '../../src';
import { newApp, newStack } from '../support/stacks';

const PARTITION = { Ref: 'AWS::Partition' };

describe('CallerPolicy', () => {
  test('allows sts:AssumeRole on ARN templates and attaches to users, groups and roles', () => {
    const stack = newStack({ id: 'Source' });
    const user = new iam.User(stack, 'Alice');
    const group = new iam.Group(stack, 'Ops');
    const role = new iam.Role(stack, 'Ci', { assumedBy: new iam.AccountRootPrincipal() });
    new CallerPolicy(stack, 'AssumeDeployer', {
      roleArns: ['arn:{partition}:iam::222233334444:role/deployer'],
      grantees: [user, group, role],
      sessionTags: true,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Resource: { 'Fn::Join': ['', ['arn:', PARTITION, ':iam::222233334444:role/deployer']] },
        }],
      },
      Users: [{ Ref: Match.stringLikeRegexp('^Alice') }],
      Groups: [{ Ref: Match.stringLikeRegexp('^Ops') }],
      Roles: [{ Ref: Match.stringLikeRegexp('^Ci') }],
    });
  });

  test.each([
    [[], /invalid roleArns \[\]: give at least one role ARN/],
    [['arn:aws:iam::222233334444:user/bob'], /invalid roleArns\[0\] .*is not an IAM role ARN/],
    [['arn:{partition}:iam::{acount}:role/x'], /invalid roleArns\[0\] .*unknown placeholder \{acount\}/],
  ])('rejects %j', (roleArns, message) => {
    const stack = newStack({ id: 'Source' });
    expect(() => new CallerPolicy(stack, 'P', { roleArns })).toThrow(message);
  });
});

describe('CallerPolicy for roles of the same name in many accounts', () => {
  const ORG = 'o-a1b2c3d4e5';

  test('a wildcard account narrowed to an organization, its OUs and accounts', () => {
    const stack = newStack({ id: 'Hub' });
    const role = new iam.Role(stack, 'Ci', { assumedBy: new iam.AccountRootPrincipal() });
    new CallerPolicy(stack, 'AssumeAuditors', {
      roleArns: ['arn:{partition}:iam::*:role/auditor'],
      grantees: [role],
      resourceOrganizationId: ORG,
      resourceOrganizationalUnitIds: ['ou-ab12-11111111', 'r-ab12'],
      excludedResourceAccounts: ['333333333333'],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: { 'Fn::Join': ['', ['arn:', PARTITION, ':iam::*:role/auditor']] },
          Condition: {
            'StringEquals': { 'aws:ResourceOrgID': ORG },
            'ForAnyValue:StringLike': { 'aws:ResourceOrgPaths': [`${ORG}/*/ou-ab12-11111111/*`, `${ORG}/r-ab12/*`] },
            'StringNotEquals': { 'aws:ResourceAccount': '333333333333' },
          },
        }],
      },
    });
  });

  test('resourceAccounts alone narrows a wildcard account too', () => {
    const stack = newStack({ id: 'Hub' });
    const policy = new CallerPolicy(stack, 'P', { roleArns: ['arn:{partition}:iam::*:role/auditor'], resourceAccounts: ['333333333333', '444444444444'] });
    expect(stack.resolve(policy.policy.document.toJSON()).Statement[0].Condition).toEqual({
      StringEquals: { 'aws:ResourceAccount': ['333333333333', '444444444444'] },
    });
  });

  test.each<[string, any, string]>([
    ['a wildcard account without an organization or accounts', { roleArns: ['arn:{partition}:iam::*:role/auditor'] },
      'Hub/P: invalid roleArns[0] "arn:{partition}:iam::*:role/auditor": a wildcard account matches roles of that name in every AWS account that trusts the grantees; '
      + 'narrow it with resourceOrganizationId (aws:ResourceOrgID) or resourceAccounts (aws:ResourceAccount)'],
    ['OUs without the organization', { roleArns: ['arn:{partition}:iam::111122223333:role/x'], resourceOrganizationalUnitIds: ['ou-ab12-11111111'] },
      'Hub/P: invalid resourceOrganizationId undefined: give the organization ID too: aws:ResourceOrgPaths begins with it, and OU and root IDs are unique only within one organization '
      + '(resourceOrganizationalUnitIds is given)'],
    ['an organization ID', { roleArns: ['arn:{partition}:iam::*:role/x'], resourceOrganizationId: 'o-1' },
      'Hub/P: invalid resourceOrganizationId "o-1": must be an AWS Organizations ID such as "o-a1b2c3d4e5" (o- and 10-32 lowercase letters or digits)'],
    ['an OU ID', { roleArns: ['arn:{partition}:iam::*:role/x'], resourceOrganizationId: ORG, resourceOrganizationalUnitIds: ['ou-1'] },
      'Hub/P: invalid resourceOrganizationalUnitIds[0] "ou-1": must be an organizational unit ID such as "ou-ab12-cd34ef56" (ou-, 4-32 lowercase letters or digits, -, '
      + '8-32 lowercase letters or digits) or the organization\'s root ID such as "r-ab12"'],
    ['an excluded account', { roleArns: ['arn:{partition}:iam::*:role/x'], resourceOrganizationId: ORG, excludedResourceAccounts: ['1234'] },
      'Hub/P: invalid excludedResourceAccounts[0] "1234": must be a 12-digit AWS account ID'],
  ])('rejects %s', (_name, props, message) => {
    expect(() => new CallerPolicy(newStack({ id: 'Hub' }), 'P', props)).toThrow(message);
  });
});

describe('both sides of cross-account access in one app', () => {
  test('grantAssumeFrom a stack of another account names the role by its ARN in that account', () => {
    const app = newApp();
    const target = newStack({ id: 'Target', app, env: { account: '222233334444', region: 'eu-west-1' } });
    const source = newStack({ id: 'Source', app, env: { account: '111122223333', region: 'eu-west-1' } });
    const ci = new iam.Role(source, 'Ci', { assumedBy: new iam.AccountRootPrincipal() });
    const deployer = new CrossAccountRole(target, 'Deployer', { roleName: 'deployer', path: '/ci/', trustedRoleArns: ['arn:{partition}:iam::111122223333:role/ci'] });
    deployer.grantAssumeFrom(ci);
    Template.fromStack(source).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: { 'Fn::Join': ['', ['arn:', PARTITION, ':iam::222233334444:role/ci/deployer']] } }] },
      Roles: [{ Ref: Match.stringLikeRegexp('^Ci') }],
    });
    // No cross-stack export: the two stacks deploy to different accounts.
    expect(Object.keys(Template.fromStack(target).toJSON().Outputs ?? {})).toEqual([]);
  });

  test('across accounts without roleName is an error that says what to set', () => {
    const app = newApp();
    const target = newStack({ id: 'Target', app, env: { account: '222233334444', region: 'eu-west-1' } });
    const source = newStack({ id: 'Source', app, env: { account: '111122223333', region: 'eu-west-1' } });
    const ci = new iam.Role(source, 'Ci', { assumedBy: new iam.AccountRootPrincipal() });
    const deployer = new CrossAccountRole(target, 'Deployer', { trustedAccounts: ['111122223333'], externalIds: ['x1'] });
    expect(() => deployer.grantAssumeFrom(ci)).toThrow('Target/Deployer: invalid roleName undefined: set roleName so that callers in another account or region can name the role');
  });

  test('within one stack it refers to the role directly', () => {
    const stack = newStack();
    const ci = new iam.Role(stack, 'Ci', { assumedBy: new iam.AccountRootPrincipal() });
    const deployer = new CrossAccountRole(stack, 'Deployer', { trustedAccounts: ['111122223333'], externalIds: ['x1'] });
    deployer.grantAssumeFrom(ci);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Deployer'), 'Arn'] } }] },
    });
  });
});
