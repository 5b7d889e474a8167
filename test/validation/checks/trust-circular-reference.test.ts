/**
 * TrustCircularReference: trust policies of one stack that reference each other's role (or their
 * own) by GetAtt or Ref, which CloudFormation cannot deploy.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedApp, expectFinding, expectNoFinding, findingMessages, findingsByPath, PREFIX } from '../validation-support';

const ACCOUNT = '123456789012';
const ASSUME = 'sts:AssumeRole';


describe('TrustCircularReference (error)', () => {
  test('two roles of one stack referencing each other by GetAtt: CloudFormation would reject the template', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app });
    const a = new AssumableRole(stack, 'A', { trust: [Trust.service('lambda')] });
    const b = new AssumableRole(stack, 'B', { trust: [Trust.role(a.roleArn)] });
    a.addTrust(Trust.role(b.roleArn));
    const messages = findingsByPath('TrustCircularReference', 'error', stack);
    expect(messages['/Ops/A']).toBe(`[${PREFIX}TrustCircularReference] trust policies reference each other's role ARN in a cycle (X -> Y: X references Y): `
      + 'Ops/A -> Ops/B -> Ops/A; CloudFormation will reject the circular dependency. Give one of the roles a fixed roleName and trust it by a condition '
      + 'instead of a reference: Trust.account("{account}").withPrincipalArn("arn:{partition}:iam::{account}:role/<name>") (for a role that assumes itself, use its own name).');
    expect(messages['/Ops/B']).toContain('Ops/B -> Ops/A -> Ops/B');
    expectNoFinding(stack, 'TrustCycle', 'warning');
  });

  test('a Ref to a role\'s name inside an ARN is a reference too', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app });
    const a = new iam.Role(stack, 'A', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const b = new iam.Role(stack, 'B', { assumedBy: new iam.ArnPrincipal(`arn:${stack.partition}:iam::${stack.account}:role/${a.roleName}`) });
    a.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ principals: [new iam.ArnPrincipal(b.roleArn)], actions: [ASSUME] }));
    expectFinding(stack, 'TrustCircularReference', 'error', '/Ops/A');
    expectFinding(stack, 'TrustCircularReference', 'error', '/Ops/B');
  });

  test('a role trusting its own ARN by GetAtt depends on itself', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app });
    const fn = new AssumableRole(stack, 'Fn', { trust: [Trust.service('lambda')] });
    fn.addTrust(Trust.role(fn.roleArn));
    expect(findingMessages(stack, 'TrustCircularReference', 'error')).toEqual([{
      path: '/Ops/Fn',
      message: expect.stringContaining('the trust policy references the role\'s own ARN, so the role depends on itself; CloudFormation will reject the circular dependency'),
    }]);
  });

  test('references in one direction are not a cycle', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app });
    const a = new AssumableRole(stack, 'A', { trust: [Trust.service('lambda')] });
    new AssumableRole(stack, 'B', { trust: [Trust.role(a.roleArn)] });
    expectNoFinding(stack, 'TrustCircularReference', 'error');
  });

  test('roles with the same logical ID in two stacks are told apart (a reference names its stack\'s role)', () => {
    const app = checkedApp();
    const env = { account: ACCOUNT, region: 'us-east-1' };
    const dev = newStack({ id: 'Dev', app, env });
    const prod = newStack({ id: 'Prod', app, env });
    const devRole = new AssumableRole(dev, 'Deployer', { trust: [Trust.service('codebuild')] });
    // Prod's Deployer has the same logical ID as Dev's and trusts it by reference: not itself.
    new AssumableRole(prod, 'Deployer', { trust: [Trust.role(devRole.roleArn)] });
    expectNoFinding(prod, 'TrustCircularReference', 'error');
    expectNoFinding(dev, 'TrustCircularReference', 'error');
  });
});
