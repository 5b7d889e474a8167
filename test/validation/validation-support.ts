/**
 * Helpers shared by the validation tests: fresh stacks, the sizes IAM counts for a role's
 * policies (computed with the library's own `policySize`), and matchers for findings.
 */
import { App, Aspects, Stack, StackProps } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, AssumableRoleProps, RoleChecks, Trust } from '../../src';
import { policySize } from '../../src/validation/limits';
import { newApp, newStack } from '../support/stacks';

/** Prefix of every finding id. */
export const PREFIX = 'cdk-assumable-roles:';

/** The construct path findings of a role with id `Role` in stack `Stack` are reported at. */
export const ROLE_PATH = '/Stack/Role';

/** The `AWS::IAM::Role` resource of a construct or a plain role. */
export function cfnRoleOf(role: AssumableRole | iam.Role): iam.CfnRole {
  const inner = role instanceof AssumableRole ? role.role : role;
  return inner.node.defaultChild as iam.CfnRole;
}

/** The size IAM counts for the role's trust policy, as the library estimates it. */
export function trustPolicySize(role: AssumableRole | iam.Role): number {
  const cfn = cfnRoleOf(role);
  return policySize(Stack.of(cfn).resolve(cfn.assumeRolePolicyDocument));
}

/** The aggregate size of the inline policies of the `AWS::IAM::Role` resource. */
export function inlinePoliciesSize(role: AssumableRole): number {
  const cfn = cfnRoleOf(role);
  const policies = (Stack.of(cfn).resolve(cfn.policies) ?? []) as any[];
  return policies.reduce((sum, p) => sum + policySize(p.policyDocument ?? p.PolicyDocument), 0);
}

/** Matches the message of exactly one finding id (not an id that merely starts with it). */
export function finding(id: string): any {
  return Match.stringLikeRegexp(`\\[${PREFIX}${id}\\]`);
}

export type Level = 'error' | 'warning' | 'info';

/** Asserts that the role at `path` has the finding `id` at `level`. */
export function expectFinding(stack: Stack, id: string, level: Level, path: string = ROLE_PATH): void {
  const annotations = Annotations.fromStack(stack);
  if (level === 'error') annotations.hasError(path, finding(id));
  else if (level === 'warning') annotations.hasWarning(path, finding(id));
  else annotations.hasInfo(path, finding(id));
}

/** Asserts that no construct at `path` (default: anywhere) has the finding `id` at `level`. */
export function expectNoFinding(stack: Stack, id: string, level: Level, path: string = '*'): void {
  const annotations = Annotations.fromStack(stack);
  if (level === 'error') annotations.hasNoError(path, finding(id));
  else if (level === 'warning') annotations.hasNoWarning(path, finding(id));
  else annotations.hasNoInfo(path, finding(id));
}

/** Every annotation message of a level whose text carries the finding `id`, anywhere in the stack. */
export function findingMessages(stack: Stack, id: string, level: Level): { path: string; message: string }[] {
  const annotations = Annotations.fromStack(stack);
  const found = level === 'error' ? annotations.findError('*', finding(id))
    : level === 'warning' ? annotations.findWarning('*', finding(id))
      : annotations.findInfo('*', finding(id));
  return found.map((m) => ({ path: m.id, message: String(m.entry.data) }));
}

/** The message of the error thrown by `fn`, failing the test when nothing is thrown. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Distinct 12-digit account IDs. */
export function accountIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(100000000000 + i));
}

/**
 * An `AssumableRole` (id `Role`, fresh stack) whose trust policy is exactly `size` characters
 * as the library counts it (`policySize`): whole accounts, rendered with `{partition}` and so
 * estimated at `aws-us-gov`, plus one role ARN whose name pads the size. `extend` runs on the
 * role before the size is measured (the trust policy is rendered once, when first resolved).
 */
export function roleWithTrustSize(size: number, props: AssumableRoleProps = {}, extend: (r: AssumableRole) => void = () => {}): AssumableRole {
  const build = (pad: number) => {
    const r = new AssumableRole(newStack(), 'Role', {
      ...props,
      trust: [Trust.accounts(accountIds(Math.floor((size - 400) / 40))), Trust.role(`arn:aws:iam::111122223333:role/${'r'.repeat(pad)}`)],
    });
    extend(r);
    return r;
  };
  const pad = 1 + size - trustPolicySize(build(1));
  expect(pad).toBeGreaterThanOrEqual(1);
  const r = build(pad);
  expect(trustPolicySize(r)).toBe(size);
  return r;
}

/**
 * A plain `iam.Role` trusting `lambda.amazonaws.com` (statement 0, which no check reports)
 * plus hand-made trust statements, given as IAM JSON.
 */
export function plainRole(scope: Stack, statements: object[] = [], id: string = 'Role'): iam.Role {
  const role = new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  if (statements.length > 0) {
    role.assumeRolePolicy!.addStatements(...statements.map((s) => iam.PolicyStatement.fromJson(s)));
  }
  return role;
}

/** A fresh stack whose plain roles are checked (`Aspects.of(stack).add(new RoleChecks())`). */
export function checkedStack(props: StackProps = {}): Stack {
  const stack = newStack(props);
  Aspects.of(stack).add(new RoleChecks());
  return stack;
}

/** An app whose every role is checked (`Aspects.of(app).add(new RoleChecks())`), for stacks made on demand. */
export function checkedApp(): App {
  const app = newApp();
  Aspects.of(app).add(new RoleChecks());
  return app;
}

/** Every message of a finding id in the given stacks, by construct path. */
export function findingsByPath(id: string, level: Level, ...stacks: Stack[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const stack of stacks) {
    for (const m of findingMessages(stack, id, level)) out[m.path] = m.message;
  }
  return out;
}

/** GitHub Actions' OIDC issuer, as the condition keys name it. */
export const GITHUB_ISSUER = 'token.actions.githubusercontent.com';
/** The `aud` condition GitHub Actions trust needs. */
export const GITHUB_AUD = { [`${GITHUB_ISSUER}:aud`]: 'sts.amazonaws.com' };
/** A `sub` condition naming one branch of one repository. */
export const GITHUB_SUB = { [`${GITHUB_ISSUER}:sub`]: 'repo:octo-org/app:ref:refs/heads/main' };

/** A hand-written web-identity trust statement for GitHub Actions' provider, with the given conditions. */
export function githubWebIdentity(condition?: object): object {
  return {
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${GITHUB_ISSUER}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    ...(condition ? { Condition: condition } : {}),
  };
}
