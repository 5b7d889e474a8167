/**
 * Who may assume a role with `allowSelfAssume`: a session of the role itself, with the identity
 * policies the role really has (its `AssumeSelf` inline policy); not without that policy (the trust
 * names the account, which delegates to identity policies), not another role or a user of the same
 * account, not a role of the same name in another account or under another path, not a role whose
 * name extends it. In every partition, for a named role and for one whose name is generated.
 */
import { Stack } from 'aws-cdk-lib';
import { HOME, STRANGER } from './evaluation-fixtures';
import { AssumableRole, Trust } from '../../src';
import { PARTITION_NAMES } from '../support/resolve';
import { newStack } from '../support/stacks';
import { Callers, IamCaller, TrustEvaluator } from '../support/trust-evaluator';

interface Subject {
  readonly stack: Stack;
  readonly role: AssumableRole;
}

/** A role named `deployer` under `/ops/`, trusted by Lambda too, that may assume itself. */
function named(): Subject {
  const stack = newStack();
  const role = new AssumableRole(stack, 'Deployer', { roleName: 'deployer', path: '/ops/', trust: [Trust.service('lambda')], allowSelfAssume: true });
  return { stack, role };
}

/** A role without roleName: its name is generated. */
function generated(): Subject {
  const stack = newStack();
  const role = new AssumableRole(stack, 'Worker', { trust: [Trust.service('lambda')], allowSelfAssume: true });
  return { stack, role };
}

describe.each(PARTITION_NAMES)('a role that may assume itself (%s)', (partition) => {
  let subjects: { named: Subject; generated: Subject } | undefined;
  const get = () => (subjects ??= { named: named(), generated: generated() });

  /** May the caller assume the role of the subject? */
  async function mayAssume(subject: Subject, caller: (name: string, own: any[]) => IamCaller): Promise<boolean> {
    const evaluator = TrustEvaluator.forStack(subject.stack, partition);
    const resolved = evaluator.role(subject.role);
    const decision = await evaluator.mayAssume(subject.role, caller(resolved.name, resolved.identityPolicies.map((p) => p.document)));
    return decision.allowed;
  }

  test.each([
    ['a session of the role itself, with its own policies', true, (name: string, own: any[]) => Callers.role(HOME, name, { path: '/ops/', identityPolicies: own })],
    ['the role itself without its AssumeSelf policy (the account in the trust delegates to identity policies)', false,
      (name: string) => Callers.role(HOME, name, { path: '/ops/', identityPolicies: [] })],
    ['another role of the same account, allowed by its own policy', false, () => Callers.role(HOME, 'admin', { path: '/ops/' })],
    ['a user of the same account with the role\'s name', false, (name: string) => Callers.user(HOME, name, { path: '/ops/' })],
    ['a role of the same name and path in another account', false, (name: string) => Callers.role(STRANGER, name, { path: '/ops/' })],
    ['a role of the same name under another path', false, (name: string) => Callers.role(HOME, name)],
    ['a role whose name extends the role\'s', false, (name: string) => Callers.role(HOME, `${name}-2`, { path: '/ops/' })],
  ] as const)('named role: %s (allowed: %s)', async (_what, allowed, caller) => {
    expect(await mayAssume(get().named, caller)).toBe(allowed);
  });

  test('named role: its other trust still applies (Lambda)', async () => {
    const { stack, role } = get().named;
    expect((await TrustEvaluator.forStack(stack, partition).mayAssume(role, Callers.service('lambda.amazonaws.com'))).allowed).toBe(true);
  });

  test.each([
    ['a session of the role itself, with its own policies', true, (name: string, own: any[]) => Callers.role(HOME, name, { identityPolicies: own })],
    ['another role of the same account', false, () => Callers.role(HOME, 'other')],
    ['a role of the same generated name in another account', false, (name: string) => Callers.role(STRANGER, name)],
  ] as const)('generated name: %s (allowed: %s)', async (_what, allowed, caller) => {
    expect(await mayAssume(get().generated, caller)).toBe(allowed);
  });
});
