/**
 * An independent oracle for the checks: trust policies written the way people publish them
 * (test/validation/corpus/trust-policies.ts), put on roles not made by this library, a plain
 * `CfnRole` and a plain `iam.Role` (its trust policy set through the L1 escape hatch, as users
 * do), and checked by `RoleChecks` applied to the app. Every risky policy is reported with its
 * id; every safe one raises no finding at all, at any level.
 */
import { Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CorpusEntry, HOME, RISKY, SAFE } from './corpus/trust-policies';
import { RoleChecks } from '../../src';
import { newApp, newStack } from '../support/stacks';

const PREFIX = 'cdk-assumable-roles:';

type Build = (stack: Stack, entry: CorpusEntry) => void;

const AS_CFN_ROLE: Build = (stack, entry) => {
  new iam.CfnRole(stack, 'Role', { assumeRolePolicyDocument: { Version: '2012-10-17', Statement: entry.statements } });
};

const AS_IAM_ROLE: Build = (stack, entry) => {
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  (role.node.defaultChild as iam.CfnRole).assumeRolePolicyDocument = { Version: '2012-10-17', Statement: entry.statements };
};

function checkedStack(): Stack {
  const app = newApp();
  Aspects.of(app).add(new RoleChecks());
  return newStack({ id: 'Corpus', app, env: { account: HOME, region: 'us-east-1' } });
}

/** Every finding of this library in the stack, as `level id`. */
function findings(stack: Stack): string[] {
  const annotations = Annotations.fromStack(stack);
  const ours = Match.stringLikeRegexp(`\\[${PREFIX}`);
  return [
    ...annotations.findError('*', ours).map((m) => `error ${String(m.entry.data)}`),
    ...annotations.findWarning('*', ours).map((m) => `warning ${String(m.entry.data)}`),
    ...annotations.findInfo('*', ours).map((m) => `info ${String(m.entry.data)}`),
  ];
}

describe.each([['CfnRole', AS_CFN_ROLE], ['iam.Role', AS_IAM_ROLE]] as const)('as a plain %s', (_kind, build) => {
  test.each(SAFE.map((e) => [e.name, e] as const))('safe: %s raises no finding', (_name, entry) => {
    const stack = checkedStack();
    build(stack, entry);
    expect(findings(stack)).toEqual([]);
  });

  test.each(RISKY.map((e) => [e.name, e] as const))('risky: %s is reported', (_name, entry) => {
    const stack = checkedStack();
    build(stack, entry);
    expect(findings(stack).filter((f) => f.startsWith(`${entry.level} [${PREFIX}${entry.finding}]`))).toHaveLength(1);
  });
});
