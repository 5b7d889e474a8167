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
