/**
 * TrustCycle: the app's trust graph, as cycles really occur (roles named by ARN text, by Fn::Join
 * of partition/account and name, by Ref, by aws:PrincipalArn, across stacks).
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, RoleChecks, Trust } from '../../../src';
import { newApp, newStack, stringParameter } from '../../support/stacks';
import { checkedApp, expectFinding, expectNoFinding, findingMessages, findingsByPath, PREFIX } from '../validation-support';

const ACCOUNT = '123456789012';
const OTHER = '999999999999';
const ASSUME = 'sts:AssumeRole';

/** A plain `CfnRole` trusting the given AWS principals, as people write them outside this library. */
function cfnRole(scope: Stack, id: string, roleName: string | undefined, principals: unknown[], path?: string): iam.CfnRole {
  return new iam.CfnRole(scope, id, {
    roleName,
    path,
    assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: ASSUME }] },
  });
}

const CYCLE_FIX = 'Break the cycle: let one side trust a dedicated caller role, or require sts:SetSourceIdentity (Trust ... .withSourceIdentity()) so the original identity stays visible.';

describe('TrustCycle (warning)', () => {
  test('two plain CfnRoles naming each other by literal ARN: both reported, the cycle by construct path', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app, env: { account: ACCOUNT, region: 'us-east-1' } });
    cfnRole(stack, 'RoleA', 'role-a', [`arn:aws:iam::${ACCOUNT}:role/role-b`]);
    cfnRole(stack, 'RoleB', 'role-b', [`arn:aws:iam::${ACCOUNT}:role/role-a`]);
    expect(findingsByPath('TrustCycle', 'warning', stack)).toEqual({
      '/Ops/RoleA': `[${PREFIX}TrustCycle] roles trust each other in a cycle (X -> Y: X trusts Y): Ops/RoleA -> Ops/RoleB -> Ops/RoleA. ${CYCLE_FIX} [ack: ${PREFIX}TrustCycle]`,
      '/Ops/RoleB': `[${PREFIX}TrustCycle] roles trust each other in a cycle (X -> Y: X trusts Y): Ops/RoleA -> Ops/RoleB -> Ops/RoleA. ${CYCLE_FIX} [ack: ${PREFIX}TrustCycle]`,
    });
    expectNoFinding(stack, 'TrustCircularReference', 'error');
  });

  test('ARN templates with {partition}/{account} and a path, role names compared case-insensitively', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app });
    new AssumableRole(stack, 'A', { roleName: 'Role-A', trust: [Trust.role('arn:{partition}:iam::{account}:role/ops/ROLE-B')] });
    new AssumableRole(stack, 'B', { roleName: 'role-b', path: '/ops/', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-a')] });
    expectFinding(stack, 'TrustCycle', 'warning', '/Ops/A');
    expectFinding(stack, 'TrustCycle', 'warning', '/Ops/B');
  });

  test('an ARN without the role\'s path does not name it (IAM matches the whole ARN)', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app });
    new AssumableRole(stack, 'A', { roleName: 'role-a', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-b')] });
    new AssumableRole(stack, 'B', { roleName: 'role-b', path: '/ops/', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-a')] });
    expectNoFinding(stack, 'TrustCycle', 'warning');
  });

  test('across stacks of one app: a role trusted by import and the other named by ARN text', () => {
    const app = checkedApp();
    const env = { account: ACCOUNT, region: 'us-east-1' };
    const first = newStack({ id: 'First', app, env });
    const second = newStack({ id: 'Second', app, env });
    const a = new AssumableRole(first, 'A', { roleName: 'role-a', trust: [Trust.role(`arn:aws:iam::${ACCOUNT}:role/role-b`)] });
    new AssumableRole(second, 'B', { roleName: 'role-b', trust: [Trust.role(a.roleArn)] });
    const messages = findingsByPath('TrustCycle', 'warning', first, second);
    expect(Object.keys(messages)).toEqual(['/First/A', '/Second/B']);
    expect(messages['/First/A']).toContain('First/A -> Second/B -> First/A');
  });

  test('env-agnostic stacks share "the same deploy-time account"; an account-specific stack does not', () => {
    const app = checkedApp();
    const agnostic = newStack({ id: 'Agnostic', app });
    const other = newStack({ id: 'Pinned', app, env: { account: OTHER, region: 'us-east-1' } });
    new AssumableRole(agnostic, 'A', { roleName: 'role-a', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-b')] });
    new AssumableRole(other, 'B', { roleName: 'role-b', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-a')] });
    expectNoFinding(agnostic, 'TrustCycle', 'warning');
    expectNoFinding(other, 'TrustCycle', 'warning');

    const app2 = checkedApp();
    const s1 = newStack({ id: 'One', app: app2 });
    const s2 = newStack({ id: 'Two', app: app2 });
    new AssumableRole(s1, 'A', { roleName: 'role-a', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-b')] });
    new AssumableRole(s2, 'B', { roleName: 'role-b', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-a')] });
    expectFinding(s1, 'TrustCycle', 'warning', '/One/A');
    expectFinding(s2, 'TrustCycle', 'warning', '/Two/B');
  });

  test('a role of another account named by its literal account ID is found in that account\'s stack', () => {
    const app = checkedApp();
    const hub = newStack({ id: 'Hub', app, env: { account: ACCOUNT, region: 'us-east-1' } });
    const spoke = newStack({ id: 'Spoke', app, env: { account: OTHER, region: 'eu-west-1' } });
    new AssumableRole(hub, 'Deployer', { roleName: 'deployer', trust: [Trust.role(`arn:{partition}:iam::${OTHER}:role/target`)] });
    new AssumableRole(spoke, 'Target', { roleName: 'target', trust: [Trust.role(`arn:{partition}:iam::${ACCOUNT}:role/deployer`)] });
    expect(findingMessages(hub, 'TrustCycle', 'warning')[0].message).toContain('Hub/Deployer -> Spoke/Target -> Hub/Deployer');
  });

  test('a cycle through aws:PrincipalArn conditions, as Trust.account(...).withPrincipalArn writes it', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app, env: { account: ACCOUNT, region: 'us-east-1' } });
    new AssumableRole(stack, 'A', { roleName: 'role-a', trust: [Trust.account('{account}').withPrincipalArn('arn:{partition}:iam::{account}:role/role-b')] });
    new AssumableRole(stack, 'B', { roleName: 'role-b', trust: [Trust.account('{account}').withPrincipalArn('arn:{partition}:iam::{account}:role/role-a')] });
    expectFinding(stack, 'TrustCycle', 'warning', '/Ops/A');
    expectFinding(stack, 'TrustCycle', 'warning', '/Ops/B');
  });

  test('a cycle named by a role session ARN (assumed-role)', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app, env: { account: ACCOUNT, region: 'us-east-1' } });
    cfnRole(stack, 'RoleA', 'role-a', [`arn:aws:sts::${ACCOUNT}:assumed-role/role-b/session-1`]);
    cfnRole(stack, 'RoleB', 'role-b', [`arn:aws:iam::${ACCOUNT}:role/role-a`]);
    expectFinding(stack, 'TrustCycle', 'warning', '/Ops/RoleA');
  });

  test('a longer cycle is reported on every role, and members off the shortest cycle are named too', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app, env: { account: ACCOUNT, region: 'us-east-1' } });
    const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
    cfnRole(stack, 'A', 'a', [arn('b')]);
    cfnRole(stack, 'B', 'b', [arn('c')]);
    cfnRole(stack, 'C', 'c', [arn('a'), arn('d')]);
    cfnRole(stack, 'D', 'd', [arn('c')]);
    const messages = findingsByPath('TrustCycle', 'warning', stack);
    expect(Object.keys(messages).sort()).toEqual(['/Ops/A', '/Ops/B', '/Ops/C', '/Ops/D']);
    expect(messages['/Ops/A']).toContain('Ops/A -> Ops/B -> Ops/C -> Ops/A; also in the same cycle: Ops/D.');
  });

  test('plain iam.Roles with physical names in a cycle', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app, env: { account: ACCOUNT, region: 'us-east-1' } });
    new iam.Role(stack, 'A', { roleName: 'a', assumedBy: new iam.ArnPrincipal(`arn:aws:iam::${ACCOUNT}:role/b`) });
    new iam.Role(stack, 'B', { roleName: 'b', assumedBy: new iam.ArnPrincipal(`arn:aws:iam::${ACCOUNT}:role/a`) });
    expectFinding(stack, 'TrustCycle', 'warning', '/Ops/A');
    expectFinding(stack, 'TrustCycle', 'warning', '/Ops/B');
  });

  test('a role that trusts itself by name is legitimate (a function re-assuming its own role)', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app });
    new AssumableRole(stack, 'Fn', { roleName: 'fn', trust: [Trust.service('lambda'), Trust.role('arn:{partition}:iam::{account}:role/fn')] });
    expectNoFinding(stack, 'TrustCycle', 'warning');
    expectNoFinding(stack, 'TrustCircularReference', 'error');
  });

  test.each([
    ['a chain without a way back', (s: Stack) => {
      new AssumableRole(s, 'A', { roleName: 'a', trust: [Trust.service('lambda')] });
      new AssumableRole(s, 'B', { roleName: 'b', trust: [Trust.role('arn:{partition}:iam::{account}:role/a')] });
      new AssumableRole(s, 'C', { roleName: 'c', trust: [Trust.role('arn:{partition}:iam::{account}:role/b'), Trust.role('arn:{partition}:iam::{account}:role/a')] });
    }],
    ['roles trusting the same hub', (s: Stack) => {
      new AssumableRole(s, 'Hub', { roleName: 'hub', trust: [Trust.service('lambda')] });
      new AssumableRole(s, 'A', { roleName: 'a', trust: [Trust.role('arn:{partition}:iam::{account}:role/hub')] });
      new AssumableRole(s, 'B', { roleName: 'b', trust: [Trust.role('arn:{partition}:iam::{account}:role/hub')] });
    }],
    ['a deny naming each other', (s: Stack) => {
      const a = cfnRole(s, 'A', 'a', [`arn:aws:iam::${ACCOUNT}:role/b`]);
      a.assumeRolePolicyDocument = { Statement: [{ Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/b` }, Action: ASSUME }] };
      cfnRole(s, 'B', 'b', [`arn:aws:iam::${ACCOUNT}:role/a`]);
    }],
    ['the account root of the other role', (s: Stack) => {
      cfnRole(s, 'A', 'a', [`arn:aws:iam::${ACCOUNT}:root`]);
      cfnRole(s, 'B', 'b', [`arn:aws:iam::${ACCOUNT}:role/a`]);
    }],
    ['a deploy-time role name', (s: Stack) => {
      cfnRole(s, 'A', stringParameter(s, 'Name'), [`arn:aws:iam::${ACCOUNT}:role/b`]);
      cfnRole(s, 'B', 'b', [`arn:aws:iam::${ACCOUNT}:role/a`]);
    }],
  ])('is not reported for %s', (_what, build) => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app, env: { account: ACCOUNT, region: 'us-east-1' } });
    build(stack);
    expectNoFinding(stack, 'TrustCycle', 'warning');
  });

  test('can be acknowledged on one role', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app });
    const a = new AssumableRole(stack, 'A', { roleName: 'a', trust: [Trust.role('arn:{partition}:iam::{account}:role/b')] });
    new AssumableRole(stack, 'B', { roleName: 'b', trust: [Trust.role('arn:{partition}:iam::{account}:role/a')] });
    RoleChecks.acknowledge(a, 'TrustCycle', 'break-glass pair');
    expectNoFinding(stack, 'TrustCycle', 'warning', '/Ops/A');
    expectFinding(stack, 'TrustCycle', 'warning', '/Ops/B');
  });

  test('roles of the library are checked without an app-wide aspect, with plain roles in the cycle', () => {
    const app = newApp();
    const stack = newStack({ id: 'Ops', app });
    new AssumableRole(stack, 'A', { roleName: 'a', trust: [Trust.role('arn:{partition}:iam::{account}:role/b')] });
    new iam.Role(stack, 'B', { roleName: 'b', assumedBy: new iam.ArnPrincipal('arn:aws:iam::123456789012:role/a') });
    // The plain role is in a stack with an env-agnostic account: {account} and a literal do not meet.
    expectNoFinding(stack, 'TrustCycle', 'warning');
    const app2 = newApp();
    const pinned = newStack({ id: 'Ops', app: app2, env: { account: ACCOUNT, region: 'us-east-1' } });
    new AssumableRole(pinned, 'A', { roleName: 'a', trust: [Trust.role('arn:{partition}:iam::{account}:role/b')] });
    new iam.Role(pinned, 'B', { roleName: 'b', assumedBy: new iam.ArnPrincipal(`arn:aws:iam::${ACCOUNT}:role/a`) });
    expect(findingMessages(pinned, 'TrustCycle', 'warning')).toEqual([
      { path: '/Ops/A', message: expect.stringContaining('Ops/A -> Ops/B -> Ops/A') },
    ]);
  });
});
