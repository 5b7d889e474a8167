/**
 * `allowSelfAssume` (src/private/self-assume.ts): the trust statement naming the role's own account
 * narrowed to the role's own ARN, the inline policy allowing sts:AssumeRole on that ARN, the
 * generated name when roleName is not given, no circular dependency, and the checks silent.
 */
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, AwsPrincipalTrust, CrossAccountRole, RoleCatalog, Trust } from '../../src';
import { newStack, stringParameter } from '../support/stacks';
import { join, PARTITION, ACCOUNT_ID } from '../trust/trust-fixtures';

const REGION = { Ref: 'AWS::Region' };

/** The ARN `arn:<partition>:iam::<account>:role<rest...>` as CDK renders it. */
function ownArn(...rest: unknown[]): unknown {
  return join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ...rest);
}

/** The self-trust statement and the AssumeSelf policy for a role whose ARN renders as `arn`. */
function expectSelfAssume(stack: Stack, arn: unknown): void {
  const template = Template.fromStack(stack);
  template.hasResourceProperties('AWS::IAM::Role', {
    AssumeRolePolicyDocument: {
      Statement: Match.arrayWith([{
        Effect: 'Allow',
        Principal: { AWS: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':root') },
        Action: 'sts:AssumeRole',
        Condition: { ArnLike: { 'aws:PrincipalArn': arn } },
      }]),
    },
    Policies: Match.arrayWith([{
      PolicyName: 'AssumeSelf',
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn }] },
    }]),
  });
}

/** Every Ref and Fn::GetAtt target in a value. */
function referencedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedIds);
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = typeof object.Ref === 'string' ? [object.Ref] : Array.isArray(object['Fn::GetAtt']) ? [String(object['Fn::GetAtt'][0])] : [];
  return [...own, ...Object.values(object).flatMap(referencedIds)];
}

describe('allowSelfAssume', () => {
  test('a named role trusts its own account, narrowed to its own ARN, and may call sts:AssumeRole on itself', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { roleName: 'deployer', path: '/ops/', trust: [Trust.service('lambda')], allowSelfAssume: true });
    expectSelfAssume(stack, ownArn(':role/ops/deployer'));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { RoleName: 'deployer', Path: '/ops/' });
  });

  test('without roleName, the name is generated: the construct\'s unique name, "-" and the Region', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')], allowSelfAssume: true });
    const name = join('StackRole8C9721B1-', REGION);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { RoleName: name });
    expectSelfAssume(stack, ownArn(':role/StackRole8C9721B1-', REGION));
  });

  test('in a stack with a Region, the Region is written as it is', () => {
    const stack = newStack({ env: { account: '111111111111', region: 'eu-west-1' } });
    new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')], allowSelfAssume: true });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { RoleName: 'StackRole8C9721B1-eu-west-1' });
  });

  test('the generated name is the same at every synthesis, differs by construct path, and stays within 64 characters', () => {
    const name = (id: string, path: string[] = []) => {
      const stack = newStack({ id: 'A-Very-Long-Stack-Name-For-A-Platform-Team', env: { account: '111111111111', region: 'us-isof-south-1' } });
      let scope: any = stack;
      for (const p of path) scope = new iam.Group(scope, p);
      const role = new AssumableRole(scope, id, { trust: [Trust.service('lambda')], allowSelfAssume: true });
      return stack.resolve((role.role.node.defaultChild as iam.CfnRole).roleName) as string;
    };
    const long = name('DeployerRoleWithAVeryLongConstructIdIndeed', ['Nested', 'Deeper']);
    expect(long).toBe(name('DeployerRoleWithAVeryLongConstructIdIndeed', ['Nested', 'Deeper']));
    expect(long).not.toBe(name('DeployerRoleWithAVeryLongConstructIdIndeed', ['Nested', 'Other']));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^[\w+=,.@-]+-us-isof-south-1$/);
  });

  test('a roleName known only at deploy time is used as it is', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { roleName: stringParameter(stack, 'Name'), trust: [Trust.service('lambda')], allowSelfAssume: true });
    expectSelfAssume(stack, ownArn(':role/', { Ref: 'Name' }));
  });

  test('no circular dependency: the role\'s properties reference no resource (only pseudo parameters)', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { roleName: 'deployer', trust: [Trust.service('lambda')], allowSelfAssume: true });
    const logicalId = stack.getLogicalId(role.role.node.defaultChild as iam.CfnRole);
    const properties = Template.fromStack(stack).toJSON().Resources[logicalId].Properties;
    expect(referencedIds(properties).filter((id) => !id.startsWith('AWS::'))).toEqual([]);
  });

  test('the self trust is listed among the role\'s trusts, as the account narrowed to the role', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { roleName: 'deployer', trust: [Trust.service('lambda')], allowSelfAssume: true });
    expect(role.trusts.map((t) => t.constructor)).toEqual([Trust.service('lambda').constructor, AwsPrincipalTrust]);
  });

  test('the checks stay silent (no cycle, no circular reference, no cross-account warning)', () => {
    const stack = newStack({ env: { account: '111111111111', region: 'eu-west-1' } });
    new AssumableRole(stack, 'Named', { roleName: 'deployer', trust: [Trust.service('lambda').withSourceAccount()], allowSelfAssume: true });
    new AssumableRole(stack, 'Generated', { trust: [Trust.service('lambda').withSourceAccount()], allowSelfAssume: true });
    Template.fromStack(stack);
    const annotations = Annotations.fromStack(stack);
    annotations.hasNoError('*', Match.anyValue());
    annotations.hasNoWarning('*', Match.anyValue());
  });

  test('works on every construct, e.g. a CrossAccountRole, and from a catalog', () => {
    const stack = newStack();
    new CrossAccountRole(stack, 'Partner', { roleName: 'partner', trustedRoleArns: ['arn:{partition}:iam::111122223333:role/ci'], allowSelfAssume: true });
    RoleCatalog.fromObject(stack, 'Roles', { roles: [{ name: 'worker', kind: 'service', services: ['lambda'], allowSelfAssume: true }] });
    expectSelfAssume(stack, ownArn(':role/partner'));
    expectSelfAssume(stack, ownArn(':role/worker'));
  });

  test('off by default: no self trust, no inline policy, no name', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    const role = Object.values<any>(Template.fromStack(stack).findResources('AWS::IAM::Role'))[0];
    expect(role.Properties.RoleName).toBeUndefined();
    expect(role.Properties.Policies).toBeUndefined();
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toHaveLength(1);
  });
});
