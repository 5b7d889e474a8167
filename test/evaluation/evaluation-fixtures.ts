/**
 * Shared pieces of the evaluation tests: accounts, issuers, and a way to run a table of
 * "who may assume this role" cases against a synthesized stack in every partition.
 *
 * Expected outcomes in the tables are written from the IAM rules (trust policy semantics,
 * condition operators, cross-account evaluation), never copied from the engine's output.
 */
import { Stack } from 'aws-cdk-lib';
import { PARTITION_NAMES, PartitionName, TEST_ACCOUNT } from '../support/resolve';
import { Caller, EvaluatorOptions, RoleRef, TrustEvaluator } from '../support/trust-evaluator';

/** The account every stack is deployed to. */
export const HOME = TEST_ACCOUNT;
/** An account the roles trust. */
export const PARTNER = '210987654321';
/** A second trusted account, where a table needs one. */
export const PARTNER_2 = '333344445555';
/** An account no role trusts. */
export const STRANGER = '999988887777';

export const ORG = 'o-a1b2c3d4e5';
export const OTHER_ORG = 'o-zz9yy8xx7w';

/** EKS cluster issuers (host and path of the IAM OIDC provider). */
export const CLUSTER_A = 'oidc.eks.us-east-1.amazonaws.com/id/AAAA1111BBBB2222CCCC3333DDDD4444';
export const CLUSTER_B = 'oidc.eks.eu-west-1.amazonaws.com/id/EEEE5555FFFF6666AAAA7777BBBB8888';
export const CLUSTER_C = 'oidc.eks.us-east-1.amazonaws.com/id/0000999988887777666655554444CCCC';
export const GITHUB = 'token.actions.githubusercontent.com';

/** Everything the tests assume: sts:AssumeRole with session tags and source identity. */
export const ASSUME_ALL = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'];

/** One question and the answer IAM gives. */
export interface Case {
  readonly name: string;
  readonly caller: Caller;
  readonly actions?: string[];
  readonly allowed: boolean;
}

export function allow(name: string, caller: Caller, actions?: string[]): Case {
  return { name, caller, actions, allowed: true };
}

export function deny(name: string, caller: Caller, actions?: string[]): Case {
  return { name, caller, actions, allowed: false };
}

/** What a table runs against: a role of a stack, and what the evaluator needs besides. */
export interface Subject {
  readonly stack: Stack;
  readonly role: RoleRef;
  readonly options?: EvaluatorOptions;
}

/**
 * Runs every case against the role in each partition. The stack is built once (lazily, in the
 * first test) and synthesized once; each partition resolves it anew.
 *
 * @param cases the table, or a function of the partition for cases that depend on it
 */
export function describeCases(
  title: string,
  build: () => Subject,
  cases: Case[] | ((partition: PartitionName) => Case[]),
  partitions: readonly PartitionName[] = PARTITION_NAMES,
): void {
  let subject: Subject | undefined;
  const get = () => (subject ??= build());
  describe.each(partitions)(`${title} (%s)`, (partition) => {
    const table = typeof cases === 'function' ? cases(partition) : cases;
    test.each(table.map((c) => [c.allowed ? 'allows' : 'denies', c.name, c] as const))('%s %s', async (_verb, _name, c) => {
      const { stack, role, options } = get();
      const decision = await TrustEvaluator.forStack(stack, partition, options).mayAssume(role, c.caller, { actions: c.actions });
      expect(decision).toMatchObject({ allowed: c.allowed });
    });
  });
}

/** IAM `StringLike` / `ArnLike` wildcard matching of a whole value: `*` any run, `?` one character. */
export function iamLike(pattern: string, value: string): boolean {
  const regex = pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('');
  return new RegExp(`^${regex}$`, 's').test(value);
}
