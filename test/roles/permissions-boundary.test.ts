import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ACCOUNT_ID, join, PARTITION } from './role-behaviour';
import { AssumableRole, PermissionsBoundary, ServiceRole, Trust } from '../../src';
import { newStack } from '../support/stacks';

describe('PermissionsBoundary', () => {
  test('fromPolicy uses a managed policy defined in the app', () => {
    const stack = newStack();
    const policy = new iam.ManagedPolicy(stack, 'Boundary', {
      statements: [new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })],
    });
    const boundary = PermissionsBoundary.fromPolicy(policy);
    expect(boundary.description).toBe('policy Stack/Boundary');
    expect(boundary.bind(new Construct(stack, 'Scope'))).toBe(policy);
    new ServiceRole(stack, 'Role', { services: ['lambda'], permissionsBoundary: boundary });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      PermissionsBoundary: { Ref: stack.getLogicalId(policy.node.defaultChild as iam.CfnManagedPolicy) },
    });
  });

  test('fromPolicy uses an imported managed policy', () => {
    const stack = newStack();
    const policy = iam.ManagedPolicy.fromManagedPolicyName(stack, 'Imported', 'boundaries-team');
    new ServiceRole(stack, 'Role', { services: ['lambda'], permissionsBoundary: PermissionsBoundary.fromPolicy(policy) });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      PermissionsBoundary: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/boundaries-team'),
    });
  });

  test('fromArn renders an ARN template with the stack partition and account', () => {
    const stack = newStack();
    const boundary = PermissionsBoundary.fromArn('arn:{partition}:iam::{account}:policy/boundaries/team');
    expect(boundary.description).toBe('arn:{partition}:iam::{account}:policy/boundaries/team');
    const policy = boundary.bind(new Construct(stack, 'Scope'));
    expect(stack.resolve(policy.managedPolicyArn)).toEqual(join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/boundaries/team'));
  });

  test('fromArn keeps a literal ARN as it is', () => {
    const stack = newStack();
    new ServiceRole(stack, 'Role', {
      services: ['lambda'],
      permissionsBoundary: PermissionsBoundary.fromArn('arn:aws-us-gov:iam::111122223333:policy/boundary'),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      PermissionsBoundary: 'arn:aws-us-gov:iam::111122223333:policy/boundary',
    });
  });

  test('fromArn accepts a token', () => {
    const stack = newStack();
    const policy = new iam.ManagedPolicy(stack, 'Boundary', {
      statements: [new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })],
    });
    new ServiceRole(stack, 'Role', { services: ['lambda'], permissionsBoundary: PermissionsBoundary.fromArn(policy.managedPolicyArn) });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      PermissionsBoundary: { Ref: stack.getLogicalId(policy.node.defaultChild as iam.CfnManagedPolicy) },
    });
  });

  test('fromName is a policy of the stack account, with an optional path', () => {
    const stack = newStack();
    expect(PermissionsBoundary.fromName('team-boundary').description).toBe('arn:{partition}:iam::{account}:policy/team-boundary');
    new ServiceRole(stack, 'Role', { services: ['lambda'], permissionsBoundary: PermissionsBoundary.fromName('boundaries/team-boundary') });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      PermissionsBoundary: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/boundaries/team-boundary'),
    });
  });

  test('one boundary value can be shared by several roles', () => {
    const stack = newStack();
    const boundary = PermissionsBoundary.fromName('team-boundary');
    new ServiceRole(stack, 'A', { services: ['lambda'], permissionsBoundary: boundary });
    new AssumableRole(stack, 'B', { trust: [Trust.service('ecs-tasks')], permissionsBoundary: boundary });
    const roles = Template.fromStack(stack).findResources('AWS::IAM::Role');
    expect(Object.values(roles).map((r) => r.Properties.PermissionsBoundary)).toEqual([
      join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/team-boundary'),
      join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/team-boundary'),
    ]);
  });

  test('a problem is reported when the boundary is used, with the path of the role', () => {
    const boundary = PermissionsBoundary.fromArn('arn:aws:iam::111122223333:role/not-a-policy');
    expect(() => new ServiceRole(newStack(), 'Role', { services: ['lambda'], permissionsBoundary: boundary }))
      .toThrow(/^Stack\/Role: invalid permissionsBoundary "arn:aws:iam::111122223333:role\/not-a-policy": .*is not an IAM managed policy ARN/);
  });

  test.each([
    ['an unknown placeholder', 'arn:{partition}:iam::{acount}:policy/x', /unknown placeholder \{acount\}/],
    ['an unclosed brace', 'arn:{partition:iam::123456789012:policy/x', /"\{" at position 4 is never closed/],
    ['no ARN at all', 'team-boundary', /"team-boundary" is not an ARN/],
  ])('fromArn with %s throws naming the field and the value', (_what, arn, problem) => {
    let message = '';
    try {
      new AssumableRole(newStack(), 'Role', { trust: [Trust.service('ec2')], permissionsBoundary: PermissionsBoundary.fromArn(arn) });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.startsWith(`Stack/Role: invalid permissionsBoundary ${JSON.stringify(arn)}: `)).toBe(true);
    expect(message).toMatch(problem);
  });

  test('fromName with an unknown placeholder in the name throws', () => {
    expect(() => new AssumableRole(newStack(), 'Role', { trust: [Trust.service('ec2')], permissionsBoundary: PermissionsBoundary.fromName('{team}-boundary') }))
      .toThrow(/^Stack\/Role: invalid permissionsBoundary "arn:\{partition\}:iam::\{account\}:policy\/\{team\}-boundary": unknown placeholder \{team\}/);
  });
});
