import { CfnCondition, CfnOutput, Fn, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CrossAccountRole, PermissionsBoundary, RoleChecks, ServiceRole } from '../../src';
import { RoleReview } from '../../src/review/role-review';
import { useTempAssemblies } from '../support/assemblies';

const synth = useTempAssemblies();

function roleOf(review: RoleReview, label: string) {
  const role = review._model.roles.find((r) => r.label === label);
  if (!role) throw new Error(`no role ${label}; roles: ${review._model.roles.map((r) => r.label).join(', ')}`);
  return role;
}

describe('the review model of an assembly', () => {
  test('every role of every stack, stage and nested stack, whoever made it', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'Top');
      new iam.Role(stack, 'Plain', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
      new iam.CfnRole(stack, 'Raw', { assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' }] } });
      new ServiceRole(stack, 'Ours', { services: ['lambda'], restrictToSourceAccount: true });
      const nested = new NestedStack(stack, 'Inner');
      new iam.Role(nested, 'NestedRole', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com') });
      const stage = new Stage(app, 'Prod');
      new iam.Role(new Stack(stage, 'Api'), 'StageRole', { assumedBy: new iam.AccountPrincipal('222233334444') });
    });
    const review = RoleReview.fromAssembly(dir);
    // In the manifest's order: the stage's assembly first.
    expect(review._model.roles.map((r) => [r.label, r.stack, r.parties.map((p) => p.sentence)])).toEqual([
      ['Prod/Api/StageRole', 'Prod/Api', ['account 222233334444 (root)']],
      ['Top/Plain', 'Top', ['ECS tasks (ecs-tasks.amazonaws.com)']],
      ['Top/Raw', 'Top', ['Glue jobs (glue.amazonaws.com)']],
      ['Top/Ours', 'Top', ['Lambda functions of this account']],
      ['Top/Inner/NestedRole', 'Top/Inner', ['Step Functions state machines (states.amazonaws.com)']],
    ]);
    expect(review._model.unread).toEqual([]);
  });

  test('a role trusted through Fn::ImportValue in another stack is followed to the exporting stack', () => {
    const dir = synth((app) => {
      const producer = new Stack(app, 'Producer');
      const deployer = new iam.Role(producer, 'Deployer', { roleName: 'deployer', assumedBy: new iam.AccountRootPrincipal() });
      new CfnOutput(producer, 'DeployerArn', { value: deployer.roleArn, exportName: 'deployer-arn' });
      const consumer = new Stack(app, 'Consumer');
      new iam.Role(consumer, 'Target', { assumedBy: new iam.ArnPrincipal(Fn.importValue('deployer-arn')) });
    });
    const review = RoleReview.fromAssembly(dir);
    const target = roleOf(review, 'Consumer/Target');
    expect(target.parties).toEqual([expect.objectContaining({ kind: 'role', who: 'role Producer/Deployer', principal: '<Producer/Deployer.Arn>', appRole: 0 })]);
    expect(review._model.graph.edges).toEqual([{ from: 1, to: 0, kind: 'cross-stack reference' }]);
  });

  test('a trust policy that is a deploy-time value is a row saying so, never dropped', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S');
      const condition = new CfnCondition(stack, 'IsProd', { expression: Fn.conditionEquals('a', 'b') });
      const document = Fn.conditionIf(condition.logicalId,
        { Statement: [{ Effect: 'Allow', Principal: { AWS: '222233334444' }, Action: 'sts:AssumeRole' }] },
        { Statement: [{ Effect: 'Allow', Principal: { AWS: '333344445555' }, Action: 'sts:AssumeRole' }] });
      new iam.CfnRole(stack, 'Switch', { assumeRolePolicyDocument: document });
    });
    const role = roleOf(RoleReview.fromAssembly(dir), 'S/Switch');
    expect(role.parties).toEqual([]);
    expect(role.unreadable).toBe('the trust policy is a deploy-time value (<if IsProd>), which only CloudFormation resolves');
    expect(RoleReview.fromAssembly(dir).render('markdown' as any))
      .toContain('| `S/Switch` | **could not be read**: the trust policy is a deploy-time value (&lt;if IsProd&gt;), which only CloudFormation resolves | |');
  });

  test('permissions: boundary, managed policies by name, inline and attached policies with their actions, revocation', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S');
      const role = new CrossAccountRole(stack, 'Partner', {
        trustedAccounts: ['222233334444'],
        externalIds: ['x-1'],
        permissionsBoundary: PermissionsBoundary.fromName('team-boundary'),
        awsManagedPolicyNames: ['ReadOnlyAccess'],
      });
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*', 's3:GetObject'], resources: ['*'] }));
      role.revokeSessionsIssuedBefore(new Date('2026-11-01T10:00:00Z'));
    });
    const role = roleOf(RoleReview.fromAssembly(dir), 'S/Partner');
    expect(role.permissionsBoundary).toBe('arn:{partition}:iam::{account}:policy/team-boundary');
    expect(role.managedPolicies).toEqual(['AWS managed ReadOnlyAccess']);
    expect(role.revokedBefore).toBe('2026-11-01T10:00:00Z');
    expect(role.policies).toEqual(expect.arrayContaining([
      expect.objectContaining({ source: 'AWS::IAM::Policy', actions: ['s3:*', 's3:GetObject'], wildcardActions: ['s3:*'], allowsEverything: false }),
    ]));
  });

  test('findings of the checks on any role, with acknowledgements and their reasons', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S');
      new iam.Role(stack, 'Open', { assumedBy: new iam.AccountPrincipal('222233334444') });
      const accepted = new iam.Role(stack, 'Accepted', { assumedBy: new iam.AccountPrincipal('333344445555') });
      RoleChecks.acknowledge(accepted, 'CrossAccountWithoutGuard', 'the auditors\' account, reviewed yearly');
    });
    const review = RoleReview.fromAssembly(dir);
    expect(roleOf(review, 'S/Open').findings).toEqual([expect.objectContaining({ id: 'cdk-assumable-roles:CrossAccountWithoutGuard', level: 'warning', acknowledged: undefined })]);
    expect(roleOf(review, 'S/Accepted').findings).toEqual([expect.objectContaining({ id: 'cdk-assumable-roles:CrossAccountWithoutGuard', acknowledged: 'the auditors\' account, reviewed yearly' })]);
    expect(review.openFindingCount).toBe(1);
  });

  test('the stack account: the same account is not cross-account and not a finding', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S', { env: { account: '222233334444', region: 'eu-west-1' } });
      new iam.Role(stack, 'Same', { assumedBy: new iam.AccountPrincipal('222233334444') });
    });
    const role = roleOf(RoleReview.fromAssembly(dir), 'S/Same');
    expect(role).toMatchObject({ account: '222233334444', region: 'eu-west-1', findings: [] });
    expect(role.parties.map((p) => [p.sentence, p.crossAccount])).toEqual([['this account (root)', false]]);
  });

  test('trust cycles across stacks are listed once', () => {
    const dir = synth((app) => {
      const a = new Stack(app, 'A', { env: { account: '111111111111', region: 'us-east-1' } });
      const b = new Stack(app, 'B', { env: { account: '111111111111', region: 'us-east-1' } });
      new iam.Role(a, 'One', { roleName: 'one', assumedBy: new iam.ArnPrincipal('arn:aws:iam::111111111111:role/two') });
      new iam.Role(b, 'Two', { roleName: 'two', assumedBy: new iam.ArnPrincipal('arn:aws:iam::111111111111:role/one') });
    });
    const review = RoleReview.fromAssembly(dir);
    expect(review._model.cycles).toEqual([['A/One', 'B/Two', 'A/One']]);
    expect(roleOf(review, 'A/One').findings.map((f) => f.id)).toContain('cdk-assumable-roles:TrustCycle');
  });
});
