import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ACCOUNT_ID, describeAssumableRoleBehaviour, join, logicalIdOf, PARTITION, trustStatements } from './role-behaviour';
import { BoundedRole, PermissionsBoundary, Trust } from '../../src';
import { newStack } from '../support/stacks';

const CI_ROLE = join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':role/ci');

describeAssumableRoleBehaviour('BoundedRole', {
  make: (scope, id, props = {}) => new BoundedRole(scope, id, {
    ...props,
    trust: [Trust.role('arn:{partition}:iam::{account}:role/ci'), ...(props.trust ?? [])],
    permissionsBoundary: props.permissionsBoundary ?? PermissionsBoundary.fromName('default-boundary'),
  }),
  ownStatements: [{ Effect: 'Allow', Principal: { AWS: CI_ROLE }, Action: 'sts:AssumeRole' }],
  extraTrustFirst: false,
  plainPrincipal: () => new iam.ArnPrincipal('arn:aws:iam::123456789012:role/ci'),
});

describe('BoundedRole', () => {
  test('has the logical ID a plain iam.Role with the same id gets', () => {
    const stack = newStack();
    const role = new BoundedRole(stack, 'TeamDeployer', {
      trust: [Trust.role('arn:{partition}:iam::{account}:role/ci')],
      permissionsBoundary: PermissionsBoundary.fromName('team-boundary'),
    });
    const plain = new iam.Role(newStack({ id: 'Other' }), 'TeamDeployer', { assumedBy: new iam.ArnPrincipal('arn:aws:iam::123456789012:role/ci') });
    expect(logicalIdOf(role)).toBe('TeamDeployer582C5FFD');
    expect(logicalIdOf(plain)).toBe('TeamDeployer582C5FFD');
  });

  test('renders the permissions boundary and exposes it', () => {
    const stack = newStack();
    const boundary = PermissionsBoundary.fromName('team-boundary');
    const role = new BoundedRole(stack, 'Role', {
      trust: [Trust.role('arn:{partition}:iam::{account}:role/ci')],
      permissionsBoundary: boundary,
      awsManagedPolicyNames: ['PowerUserAccess'],
    });
    expect(role.permissionsBoundary).toBe(boundary);
    expect(trustStatements(role)).toEqual([{ Effect: 'Allow', Principal: { AWS: CI_ROLE }, Action: 'sts:AssumeRole' }]);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      PermissionsBoundary: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/team-boundary'),
      ManagedPolicyArns: [join('arn:', PARTITION, ':iam::aws:policy/PowerUserAccess')],
    });
  });

  test('the boundary stays when policies are added later', () => {
    const stack = newStack();
    const role = new BoundedRole(stack, 'Role', {
      trust: [Trust.service('codebuild')],
      permissionsBoundary: PermissionsBoundary.fromArn('arn:{partition}:iam::{account}:policy/team-boundary'),
    });
    role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['iam:CreateRole'], resources: ['*'] }));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      PermissionsBoundary: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/team-boundary'),
      ManagedPolicyArns: [join('arn:', PARTITION, ':iam::aws:policy/AdministratorAccess')],
    });
  });

  test('a missing permissionsBoundary throws with the path', () => {
    expect(() => new BoundedRole(newStack(), 'Role', {} as any))
      .toThrow(/Stack\/Role: .*permissionsBoundary undefined: BoundedRole requires a permissions boundary/);
    expect(() => new BoundedRole(new Construct(newStack(), 'Team'), 'Deployer', { trust: [Trust.service('codebuild')] } as any))
      .toThrow(/Stack\/Team\/Deployer: .*permissionsBoundary .*permissions boundary/);
  });

  test('missing props altogether throw the same error', () => {
    expect(() => new BoundedRole(newStack(), 'Role', undefined as any)).toThrow(/Stack\/Role: .*permissionsBoundary .*permissions boundary/);
  });

  test('a role without trust fails at synth', () => {
    const stack = newStack();
    new BoundedRole(stack, 'Role', { permissionsBoundary: PermissionsBoundary.fromName('team-boundary') });
    expect(() => Template.fromStack(stack)).toThrow(/Stack\/Role: the role trusts no one/);
  });
});
