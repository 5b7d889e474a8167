/**
 * The reference architecture's rollout, shared by the rollout tests: a management account holds
 * the StackSet, a hub account holds the roles that assume the member roles (deployer,
 * auditor, break-glass) in every account of an OU.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CrossAccountRole, HubTrustStyle, RoleChecks, RoleRollout, RoleRolloutProps } from '../../src';
import { newApp, newStack } from '../support/stacks';

export const MANAGEMENT = '111111111111';
export const HUB = '222222222222';
export const ORG = 'o-a1b2c3d4e5';
export const ROOT = 'r-ab12';
export const OU_WORKLOADS = 'ou-ab12-11111111';
export const OU_SANDBOX = 'ou-ab12-22222222';

export interface RolloutApp {
  readonly app: App;
  readonly management: Stack;
  readonly hub: Stack;
  readonly rollout: RoleRollout;
  readonly hubCi: iam.Role;
  readonly hubAuditor: iam.Role;
  readonly hubBreakGlass: iam.Role;
  readonly deployer: CrossAccountRole;
  readonly auditor: CrossAccountRole;
  readonly breakGlass: CrossAccountRole;
}

/** The StackSet in the management account, member roles, and hub roles with both sides granted. */
export function rolloutApp(props: Partial<RoleRolloutProps> = {}): RolloutApp {
  const app = newApp();
  const management = newStack({ id: 'Management', app, env: { account: MANAGEMENT, region: 'us-east-1' } });
  const hub = newStack({ id: 'Hub', app, env: { account: HUB, region: 'us-east-1' } });
  const hubCi = new iam.Role(hub, 'Ci', { roleName: 'platform-ci', path: '/hub/', assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
  const hubAuditor = new iam.Role(hub, 'Auditor', { roleName: 'security-auditor', assumedBy: new iam.AccountRootPrincipal() });
  const hubBreakGlass = new iam.Role(hub, 'BreakGlass', { roleName: 'break-glass', assumedBy: new iam.AccountRootPrincipal() });
  const rollout = new RoleRollout(management, 'MemberRoles', {
    organizationId: ORG,
    organizationalUnitIds: [OU_WORKLOADS],
    region: 'us-east-1',
    ...props,
  });
  const deployer = new CrossAccountRole(rollout.memberStack, 'Deployer', {
    roleName: 'deployer',
    path: '/platform/',
    awsManagedPolicyNames: ['PowerUserAccess'],
  });
  const auditor = new CrossAccountRole(rollout.memberStack, 'Auditor', {
    roleName: 'auditor',
    awsManagedPolicyNames: ['SecurityAudit', 'ReadOnlyAccess'],
  });
  const breakGlass = new CrossAccountRole(rollout.memberStack, 'BreakGlass', {
    roleName: 'break-glass',
    awsManagedPolicyNames: ['AdministratorAccess'],
  });
  RoleChecks.acknowledge(breakGlass, 'PolicyAllowsEverything', 'break-glass role, alarmed');
  rollout.grantAssumeFromHub(hubCi, [deployer]);
  rollout.grantAssumeFromHub(hubAuditor, [auditor]);
  rollout.grantAssumeFromHub(hubBreakGlass, [breakGlass], { trustStyle: HubTrustStyle.ROLE_ARN });
  return { app, management, hub, rollout, hubCi, hubAuditor, hubBreakGlass, deployer, auditor, breakGlass };
}

/** The StackSet resource's properties. */
export function stackSetOf(stack: Stack): any {
  const sets = Object.values(Template.fromStack(stack).findResources('AWS::CloudFormation::StackSet'));
  expect(sets).toHaveLength(1);
  return (sets[0] as any).Properties;
}

/** The member template exactly as the StackSet sends it to CloudFormation (its TemplateBody). */
export function memberTemplateOf(stack: Stack): any {
  return JSON.parse(stackSetOf(stack).TemplateBody);
}
