/**
 * Helpers for the trust tests: build an `AssumableRole` from trust relationships, read its
 * synthesized trust statements, and evaluate them as CloudFormation would in a partition.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { AssumableRole, TrustRelationship } from '../../src';
import { PartitionName, resolveCfn } from '../support/resolve';
import { newStack } from '../support/stacks';

/** The construct path of the role every helper builds. */
export const ROLE_PATH = 'Stack/Role';

export const PARTITION = { Ref: 'AWS::Partition' };
export const ACCOUNT_ID = { Ref: 'AWS::AccountId' };

/** The `Fn::Join` CDK renders for a string made of literals and tokens. */
export function join(...parts: unknown[]): unknown {
  return { 'Fn::Join': ['', parts] };
}

/** A role at `Stack/Role` trusting exactly the given relationships. */
export function roleTrusting(trust: TrustRelationship[], stack: Stack = newStack()): AssumableRole {
  return new AssumableRole(stack, 'Role', { trust });
}

/** The synthesized template of the role's stack, and the role's trust statements in it. */
export function synthesize(role: AssumableRole): { template: any; statements: any[] } {
  const template = Template.fromStack(role.stack).toJSON();
  const logicalId = role.stack.getLogicalId(role.role.node.defaultChild as CfnRole);
  const resource = template.Resources[logicalId];
  expect(resource.Type).toBe('AWS::IAM::Role');
  const document = resource.Properties.AssumeRolePolicyDocument;
  expect(document.Version).toBe('2012-10-17');
  return { template, statements: document.Statement };
}

/** The role's trust statements exactly as synthesized (CloudFormation intrinsics included). */
export function rawStatements(trust: TrustRelationship[], stack?: Stack): any[] {
  return synthesize(roleTrusting(trust, stack)).statements;
}

/**
 * The role's trust statements as CloudFormation computes them in the partition
 * (account 123456789012), with the template's mappings and the given extra `Ref`s.
 */
export function deployedStatementsOf(role: AssumableRole, partition: PartitionName = 'aws', refs: Record<string, unknown> = {}): any[] {
  const { template, statements } = synthesize(role);
  return resolveCfn(statements, partition, { mappings: template.Mappings ?? {}, refs });
}

/** Shorthand: build a role trusting `trust` and evaluate its statements in the partition. */
export function deployedStatements(trust: TrustRelationship[], partition: PartitionName = 'aws', stack?: Stack): any[] {
  return deployedStatementsOf(roleTrusting(trust, stack), partition);
}
