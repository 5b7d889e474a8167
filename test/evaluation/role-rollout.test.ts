/**
 * Who may assume the roles a RoleRollout deploys to the accounts of an OU: the hub roles granted
 * with `grantAssumeFromHub`, each only with the identity policy the hub stack really synthesizes
 * for it, only for its own member roles, and only in accounts of the target OUs of the
 * organization; nobody else.
 *
 * Each question evaluates the member template exactly as the StackSet sends it to CloudFormation
 * (its TemplateBody), deployed in a member account whose place in AWS Organizations is given to
 * the evaluator (aws:ResourceAccount, aws:ResourceOrgID, aws:ResourceOrgPaths), against the
 * caller's identity policy taken from the synthesized hub stack. Expected outcomes follow from
 * the IAM rules: a role of another account needs both its identity policy and the role's trust.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { OTHER_ORG, STRANGER } from './evaluation-fixtures';
import { CrossAccountRole, RoleRollout, RoleRolloutProps, RolloutAccountFilter } from '../../src';
import { HUB, memberTemplateOf, ORG, OU_SANDBOX, OU_WORKLOADS, ROOT, rolloutApp } from '../rollout/rollout-fixtures';
import { ENVIRONMENTS, PARTITION_NAMES, PartitionName } from '../support/resolve';
import { newApp, newStack } from '../support/stacks';
import { Caller, Callers, PolicyDocument, ResourceOrganization, TrustEvaluator } from '../support/trust-evaluator';

/** A member account of the target OU, where the StackSet deploys the roles. */
const MEMBER = '555555555555';
const IN_WORKLOADS: ResourceOrganization = { organizationId: ORG, path: `${ORG}/${ROOT}/${OU_WORKLOADS}/` };
const IN_CHILD_OF_WORKLOADS: ResourceOrganization = { organizationId: ORG, path: `${ORG}/${ROOT}/${OU_WORKLOADS}/ou-ab12-33333333/` };
const IN_SANDBOX: ResourceOrganization = { organizationId: ORG, path: `${ORG}/${ROOT}/${OU_SANDBOX}/` };
const UNDER_ROOT: ResourceOrganization = { organizationId: ORG, path: `${ORG}/${ROOT}/` };
const IN_OTHER_ORG: ResourceOrganization = { organizationId: OTHER_ORG, path: `${OTHER_ORG}/r-zz99/ou-zz99-11111111/` };

/**
 * The AWS managed policies the member roles attach. They do not take part in who may assume a
 * role; the evaluator only needs a document for each, which stands in for AWS's.
 */
const MANAGED = Object.fromEntries(['PowerUserAccess', 'SecurityAudit', 'ReadOnlyAccess', 'AdministratorAccess'].map((name) => [
  `arn:{partition}:iam::aws:policy/${name}`, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }] },
]));

type Built = ReturnType<typeof build>;

/** A hub role's session, given the built app and the partition (its policies come from the hub stack). */
type CallerOf = (built: Built, partition: PartitionName) => Caller;

interface RolloutCase {
  readonly name: string;
  /** The member role, by role name. */
  readonly role: string;
  readonly caller: CallerOf;
  /** Where the member account is. */
  readonly account: ResourceOrganization | 'none';
  readonly allowed: boolean;
}

const allow = (name: string, role: string, caller: CallerOf, account: ResourceOrganization | 'none'): RolloutCase => ({ name, role, caller, account, allowed: true });
const deny = (name: string, role: string, caller: CallerOf, account: ResourceOrganization | 'none'): RolloutCase => ({ name, role, caller, account, allowed: false });

function build(props: Partial<RoleRolloutProps> = {}) {
  const fixture = rolloutApp(props);
  const member = memberTemplateOf(fixture.management);
  /** The identity policies the hub stack synthesizes for a hub role, in a partition. */
  const hubPolicies = (role: iam.Role, partition: PartitionName): PolicyDocument[] =>
    TrustEvaluator.forStack(fixture.hub, { ...ENVIRONMENTS[partition], account: HUB }).role(role).identityPolicies.map((p) => p.document);
  return { ...fixture, member, hubPolicies };
}

/** Runs the cases in every partition against the member template of one app, built once and lazily. */
function describeRollout(title: string, props: Partial<RoleRolloutProps>, cases: RolloutCase[]) {
  let built: Built | undefined;
  const get = () => (built ??= build(props));
  describe.each(PARTITION_NAMES)(`${title} (%s)`, (partition) => {
    test.each(cases.map((c) => [c.allowed ? 'allows' : 'denies', c.name, c] as const))('%s %s', async (_verb, _name, c) => {
      const b = get();
      const env = { ...ENVIRONMENTS[partition], account: MEMBER };
      const options = { resourceOrganization: c.account, externalPolicies: MANAGED };
      const evaluator = TrustEvaluator.forTemplate(b.rollout.memberStack, b.member, env, options);
      const logicalId = Object.entries<any>(b.member.Resources).find(([, r]) => r.Properties.RoleName === c.role)![0];
      expect(await evaluator.mayAssume(logicalId, c.caller(b, partition))).toMatchObject({ allowed: c.allowed });
    });
  });
}

/** The hub roles of the fixture, with the identity policies the hub stack gives them. */
const platformCi = (options: Parameters<typeof Callers.role>[2] = {}): CallerOf => (b, p) =>
  Callers.role(HUB, 'platform-ci', { path: '/hub/', organizationId: ORG, identityPolicies: b.hubPolicies(b.hubCi, p), ...options });
const securityAuditor: CallerOf = (b, p) => Callers.role(HUB, 'security-auditor', { organizationId: ORG, identityPolicies: b.hubPolicies(b.hubAuditor, p) });
const breakGlass = (options: Parameters<typeof Callers.role>[2] = {}): CallerOf => (b, p) =>
  Callers.role(HUB, 'break-glass', { organizationId: ORG, identityPolicies: b.hubPolicies(b.hubBreakGlass, p), ...options });
/** Another principal that brings the identity policy of a hub role. */
const withPoliciesOf = (hubRole: 'hubCi' | 'hubBreakGlass', account: string, name: string, options: Parameters<typeof Callers.role>[2] = {}): CallerOf =>
  (b, p) => Callers.role(account, name, { organizationId: ORG, identityPolicies: b.hubPolicies(b[hubRole], p), ...options });

describeRollout('hub roles and the member roles of an OU', {}, [
  // The granted pairs, in an account of the OU and of an OU below it.
  allow('platform-ci to deployer in an account of the OU', 'deployer', platformCi(), IN_WORKLOADS),
  allow('platform-ci to deployer in an account of an OU below it', 'deployer', platformCi(), IN_CHILD_OF_WORKLOADS),
  allow('security-auditor to auditor', 'auditor', securityAuditor, IN_WORKLOADS),
  allow('break-glass (trusted by ROLE_ARN) to break-glass', 'break-glass', breakGlass(), IN_WORKLOADS),
  // Where the role is: the hub's identity policy admits only accounts of the OU, in the organization.
  deny('platform-ci to deployer in an account of another OU (aws:ResourceOrgPaths)', 'deployer', platformCi(), IN_SANDBOX),
  deny('platform-ci to deployer in an account directly under the root', 'deployer', platformCi(), UNDER_ROOT),
  deny('platform-ci to a role named deployer that trusts it, in another organization (aws:ResourceOrgID)', 'deployer', platformCi(), IN_OTHER_ORG),
  deny('platform-ci to a role named deployer in an account outside any organization', 'deployer', platformCi(), 'none'),
  // Who the caller is: the trust names one hub role of the hub account, in the organization.
  deny('platform-ci to a member role granted to another hub role', 'auditor', platformCi(), IN_WORKLOADS),
  deny('another hub role with platform-ci\'s identity policy', 'deployer', withPoliciesOf('hubCi', HUB, 'other-ci', { path: '/hub/' }), IN_WORKLOADS),
  deny('a hub role named platform-ci outside the /hub/ path', 'deployer', withPoliciesOf('hubCi', HUB, 'platform-ci'), IN_WORKLOADS),
  deny('a role of the same path and name in an account of another organization', 'deployer',
    withPoliciesOf('hubCi', STRANGER, 'platform-ci', { path: '/hub/', organizationId: OTHER_ORG }), IN_WORKLOADS),
  deny('platform-ci when the hub account is not in the organization (aws:PrincipalOrgID)', 'deployer', platformCi({ organizationId: OTHER_ORG }), IN_WORKLOADS),
  deny('platform-ci without its identity policy', 'deployer', platformCi({ identityPolicies: [] }), IN_WORKLOADS),
  deny('another hub role with break-glass\'s identity policy (ROLE_ARN trust)', 'break-glass', withPoliciesOf('hubBreakGlass', HUB, 'break-glass-2'), IN_WORKLOADS),
  deny('break-glass when the hub account is not in the organization (ROLE_ARN trust)', 'break-glass', breakGlass({ organizationId: OTHER_ORG }), IN_WORKLOADS),
]);

describeRollout('a rollout to the whole organization (its root)', { organizationalUnitIds: [ROOT] }, [
  allow('platform-ci to deployer in an account of any OU', 'deployer', platformCi(), IN_SANDBOX),
  allow('platform-ci to deployer in an account directly under the root', 'deployer', platformCi(), UNDER_ROOT),
  deny('platform-ci to deployer in an account of another organization', 'deployer', platformCi(), IN_OTHER_ORG),
]);

describe.each(PARTITION_NAMES)('account filters narrow the hub\'s policy as they narrow the StackSet (%s)', (partition) => {
  const OTHER_MEMBER = '666666666666';
  async function mayAssume(filter: RolloutAccountFilter, memberAccount: string): Promise<boolean> {
    const app = newApp();
    const management = newStack({ id: 'Management', app, env: { account: '111111111111' } });
    const hub = newStack({ id: 'Hub', app, env: { account: HUB } });
    const hubRole = new iam.Role(hub, 'Ci', { roleName: 'ci', assumedBy: new iam.AccountRootPrincipal() });
    const rollout = new RoleRollout(management, 'Rollout', {
      organizationId: ORG, organizationalUnitIds: [OU_WORKLOADS], region: 'us-east-1', accounts: [MEMBER], accountFilter: filter,
    });
    rollout.grantAssumeFromHub(hubRole, [new CrossAccountRole(rollout.memberStack, 'Deployer', { roleName: 'deployer' })]);
    const policies = TrustEvaluator.forStack(hub, { ...ENVIRONMENTS[partition], account: HUB }).role(hubRole).identityPolicies.map((d) => d.document);
    const member = memberTemplateOf(management);
    const env = { ...ENVIRONMENTS[partition], account: memberAccount };
    const evaluator = TrustEvaluator.forTemplate(rollout.memberStack, member, env, { resourceOrganization: IN_WORKLOADS, externalPolicies: MANAGED });
    const decision = await evaluator.mayAssume(Object.keys(member.Resources)[0], Callers.role(HUB, 'ci', { organizationId: ORG, identityPolicies: policies }));
    return decision.allowed;
  }

  test('INTERSECTION: only the listed account; DIFFERENCE: every account of the OU but the listed one', async () => {
    expect(await Promise.all([
      mayAssume(RolloutAccountFilter.INTERSECTION, MEMBER),
      mayAssume(RolloutAccountFilter.INTERSECTION, OTHER_MEMBER),
      mayAssume(RolloutAccountFilter.DIFFERENCE, MEMBER),
      mayAssume(RolloutAccountFilter.DIFFERENCE, OTHER_MEMBER),
    ])).toEqual([true, false, false, true]);
  });
});
