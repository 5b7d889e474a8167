import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { HUB, memberTemplateOf, ORG, OU_SANDBOX, OU_WORKLOADS, ROOT, rolloutApp } from './rollout-fixtures';
import {
  CrossAccountRole, RoleCatalog, RoleRollout, RoleRolloutProps, RolloutAccountFilter, RolloutCallAs, RolloutConcurrencyMode, ServiceRole,
} from '../../src';
import { newApp, newStack } from '../support/stacks';

const PARTITION = { Ref: 'AWS::Partition' };
const joined = (...parts: unknown[]) => ({ 'Fn::Join': ['', parts] });
const BASE: RoleRolloutProps = { organizationId: ORG, organizationalUnitIds: [OU_WORKLOADS], region: 'us-east-1' };

/** A management stack with a rollout of one named role trusted by an account. */
function simple(props: Partial<RoleRolloutProps> = {}, app = newApp(), id = 'Rollout') {
  const stack = (app.node.tryFindChild('Management') as Stack) ?? newStack({ id: 'Management', app });
  const rollout = new RoleRollout(stack, id, { ...BASE, ...props });
  new CrossAccountRole(rollout.memberStack, 'Reader', { roleName: 'reader', trustedAccounts: [HUB], externalIds: ['hub-reader'] });
  return { app, stack, rollout };
}

describe('the StackSet', () => {
  test('is service-managed, deploys automatically to new accounts of the OUs in one Region, with named IAM capability', () => {
    const { management } = rolloutApp();
    Template.fromStack(management).hasResourceProperties('AWS::CloudFormation::StackSet', {
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      CallAs: 'SELF',
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      StackInstancesGroup: [{
        DeploymentTargets: { OrganizationalUnitIds: [OU_WORKLOADS] },
        Regions: ['us-east-1'],
      }],
      StackSetName: Match.stringLikeRegexp('^Management-MemberRoles-[0-9A-F]{8}$'),
      TemplateBody: Match.stringLikeRegexp('"RoleName":"deployer"'),
      OperationPreferences: Match.absent(),
    });
  });

  test('takes account filters, a delegated administrator, retention, a name, a description and operation preferences', () => {
    const { stack } = simple({
      organizationalUnitIds: [OU_WORKLOADS, ROOT],
      accounts: ['333333333333', '444444444444'],
      accountFilter: RolloutAccountFilter.DIFFERENCE,
      callAs: RolloutCallAs.DELEGATED_ADMIN,
      retainStacksOnAccountRemoval: true,
      stackSetName: 'platform-roles',
      description: 'Platform roles',
      operationPreferences: {
        failureTolerancePercentage: 10, maxConcurrentPercentage: 25, concurrencyMode: RolloutConcurrencyMode.SOFT_FAILURE_TOLERANCE,
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudFormation::StackSet', {
      StackSetName: 'platform-roles',
      Description: 'Platform roles',
      CallAs: 'DELEGATED_ADMIN',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: true },
      StackInstancesGroup: [{
        DeploymentTargets: { OrganizationalUnitIds: [OU_WORKLOADS, ROOT], Accounts: ['333333333333', '444444444444'], AccountFilterType: 'DIFFERENCE' },
        Regions: ['us-east-1'],
      }],
      OperationPreferences: { FailureTolerancePercentage: 10, MaxConcurrentPercentage: 25, ConcurrencyMode: 'SOFT_FAILURE_TOLERANCE' },
    });
  });

  test('the member stack is no artifact of its own: the cdk CLI neither lists nor deploys it; its template is written for inspection', () => {
    const { app, rollout } = rolloutApp();
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['Hub', 'Management']);
    const written = JSON.parse(readFileSync(join(assembly.directory, rollout.memberStack.templateFile), 'utf-8'));
    expect(written).toEqual(memberTemplateOf(rollout.node.scope as Stack));
  });

  test('the member template needs no bootstrapped account and no CDK metadata: no BootstrapVersion parameter or rule', () => {
    const { management } = rolloutApp();
    const template = memberTemplateOf(management);
    expect(Object.keys(template).sort()).toEqual(['Description', 'Resources']);
    expect(Object.values(template.Resources).map((r: any) => r.Type)).toEqual(['AWS::IAM::Role', 'AWS::IAM::Role', 'AWS::IAM::Role']);
  });
});

describe('the member roles', () => {
  test('trust the hub role by the hub account, its ARN as aws:PrincipalArn, and the organization', () => {
    const { management } = rolloutApp();
    const roles = memberTemplateOf(management).Resources;
    const deployer: any = Object.values(roles).find((r: any) => r.Properties.RoleName === 'deployer');
    expect(deployer.Properties).toEqual({
      RoleName: 'deployer',
      Path: '/platform/',
      ManagedPolicyArns: [joined('arn:', PARTITION, ':iam::aws:policy/PowerUserAccess')],
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { AWS: joined('arn:', PARTITION, `:iam::${HUB}:root`) },
          Action: 'sts:AssumeRole',
          Condition: {
            ArnLike: { 'aws:PrincipalArn': joined('arn:', PARTITION, `:iam::${HUB}:role/hub/platform-ci`) },
            StringEquals: { 'aws:PrincipalOrgID': ORG },
          },
        }],
      },
    });
  });

  test('with HubTrustStyle.ROLE_ARN trust the hub role as the principal, from the organization', () => {
    const { management } = rolloutApp();
    const breakGlass: any = Object.values(memberTemplateOf(management).Resources).find((r: any) => r.Properties.RoleName === 'break-glass');
    expect(breakGlass.Properties.AssumeRolePolicyDocument.Statement).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: joined('arn:', PARTITION, `:iam::${HUB}:role/break-glass`) },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
    }]);
  });

  test('session tags and source identity are allowed on both sides when asked', () => {
    const app = newApp();
    const hub = newStack({ id: 'Hub', app, env: { account: HUB } });
    const hubRole = new iam.Role(hub, 'Ci', { roleName: 'ci', assumedBy: new iam.AccountRootPrincipal() });
    const { stack, rollout } = simple({}, app);
    const deployer = new CrossAccountRole(rollout.memberStack, 'Deployer', { roleName: 'deployer' });
    rollout.grantAssumeFromHub(hubRole, [deployer], { sessionTags: true, sourceIdentity: true, policyName: 'assume-member-roles' });
    const member: any = Object.values(memberTemplateOf(stack).Resources).find((r: any) => r.Properties.RoleName === 'deployer');
    expect(member.Properties.AssumeRolePolicyDocument.Statement[0].Action).toEqual(['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']);
    Template.fromStack(hub).hasResourceProperties('AWS::IAM::Policy', {
      PolicyName: 'assume-member-roles',
      PolicyDocument: { Statement: [Match.objectLike({ Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] })] },
    });
  });

  test('a RoleCatalog in the member stack rolls out like any role', () => {
    const { stack, rollout } = simple();
    const catalog = RoleCatalog.fromObject(rollout.memberStack, 'Catalog', {
      roles: [{ name: 'viewer', kind: 'cross-account', trustedAccounts: [HUB], externalIds: ['hub-viewer'], awsManagedPolicyNames: ['ViewOnlyAccess'] }],
    });
    expect(catalog.role('viewer').node.path).toBe('Management/Rollout/Members/Catalog/viewer');
    const names = Object.values(memberTemplateOf(stack).Resources).map((r: any) => r.Properties.RoleName);
    expect(names).toEqual(['reader', 'viewer']);
  });
});

describe('the hub side', () => {
  test('allows sts:AssumeRole on the role names in every account, narrowed to the organization and the OUs', () => {
    const { hub } = rolloutApp();
    Template.fromStack(hub).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: joined('arn:', PARTITION, ':iam::*:role/platform/deployer'),
          Condition: {
            'StringEquals': { 'aws:ResourceOrgID': ORG },
            'ForAnyValue:StringLike': { 'aws:ResourceOrgPaths': [`${ORG}/*/${OU_WORKLOADS}/*`] },
          },
        }],
      },
      Roles: [{ Ref: Match.stringLikeRegexp('^Ci') }],
    });
  });

  test('a root target admits the whole organization; INTERSECTION and DIFFERENCE name the accounts', () => {
    const policyOf = (props: Partial<RoleRolloutProps>) => {
      const { stack, rollout } = simple(props);
      const reader = rollout.memberStack.node.findChild('Reader') as CrossAccountRole;
      return stack.resolve(rollout.hubPolicyStatement([reader]).toStatementJson());
    };
    expect(policyOf({ organizationalUnitIds: [ROOT] }).Condition).toEqual({
      'StringEquals': { 'aws:ResourceOrgID': ORG },
      'ForAnyValue:StringLike': { 'aws:ResourceOrgPaths': [`${ORG}/${ROOT}/*`] },
    });
    expect(policyOf({ accounts: ['333333333333'], accountFilter: RolloutAccountFilter.INTERSECTION }).Condition).toEqual({
      'StringEquals': { 'aws:ResourceOrgID': ORG, 'aws:ResourceAccount': '333333333333' },
      'ForAnyValue:StringLike': { 'aws:ResourceOrgPaths': [`${ORG}/*/${OU_WORKLOADS}/*`] },
    });
    expect(policyOf({ accounts: ['333333333333', '444444444444'], accountFilter: RolloutAccountFilter.DIFFERENCE }).Condition).toEqual({
      'StringEquals': { 'aws:ResourceOrgID': ORG },
      'ForAnyValue:StringLike': { 'aws:ResourceOrgPaths': [`${ORG}/*/${OU_WORKLOADS}/*`] },
      'StringNotEquals': { 'aws:ResourceAccount': ['333333333333', '444444444444'] },
    });
  });

  test('hubPolicyStatement gives the same statement for a hub role this app does not manage', () => {
    const { rollout, deployer, hub } = rolloutApp();
    const statement = hub.resolve(rollout.hubPolicyStatement([deployer]).toStatementJson());
    const attached = Template.fromStack(hub).findResources('AWS::IAM::Policy');
    const ciPolicy: any = Object.values(attached).find((p: any) => p.Properties.Roles[0].Ref.startsWith('Ci'));
    expect(statement).toEqual(ciPolicy.Properties.PolicyDocument.Statement[0]);
  });

  test('an imported hub role (iam.Role.fromRoleArn) is named by its ARN; its path is kept', () => {
    const app = newApp();
    const { stack, rollout } = simple({}, app);
    const hubRole = iam.Role.fromRoleArn(stack, 'Hub', `arn:aws:iam::${HUB}:role/teams/ops/operator`);
    const deployer = new CrossAccountRole(rollout.memberStack, 'Deployer', { roleName: 'deployer' });
    rollout.grantAssumeFromHub(hubRole, [deployer]);
    const member: any = Object.values(memberTemplateOf(stack).Resources).find((r: any) => r.Properties.RoleName === 'deployer');
    expect(member.Properties.AssumeRolePolicyDocument.Statement[0].Condition.ArnLike).toEqual({
      'aws:PrincipalArn': joined('arn:', PARTITION, `:iam::${HUB}:role/teams/ops/operator`),
    });
  });

  test('two grants to one hub role make two policies with distinct ids', () => {
    const app = newApp();
    const hub = newStack({ id: 'Hub', app, env: { account: HUB } });
    const hubRole = new iam.Role(hub, 'Ci', { roleName: 'ci', assumedBy: new iam.AccountRootPrincipal() });
    const { rollout } = simple({}, app);
    const a = new CrossAccountRole(rollout.memberStack, 'A', { roleName: 'a' });
    const b = new CrossAccountRole(rollout.memberStack, 'B', { roleName: 'b' });
    expect([rollout.grantAssumeFromHub(hubRole, [a]).node.id, rollout.grantAssumeFromHub(hubRole, [b]).node.id]).toEqual(['AssumeRollout', 'AssumeRollout2']);
  });
});

describe('validation of the props names the construct, the field, the value and the rule', () => {
  test.each<[string, Partial<RoleRolloutProps>, string]>([
    ['organizationId', { organizationId: 'o-ABC' },
      'Management/Rollout: invalid organizationId "o-ABC": must be an AWS Organizations ID such as "o-a1b2c3d4e5" (o- and 10-32 lowercase letters or digits)'],
    ['an OU ID', { organizationalUnitIds: ['ou-ab12'] },
      'Management/Rollout: invalid organizationalUnitIds[0] "ou-ab12": must be an organizational unit ID such as "ou-ab12-cd34ef56" (ou-, 4-32 lowercase letters or digits, -, 8-32 lowercase letters or digits) or the organization\'s root ID such as "r-ab12"'],
    ['an account ID given as an OU', { organizationalUnitIds: ['111122223333'] },
      'Management/Rollout: invalid organizationalUnitIds[0] "111122223333": must be an organizational unit ID such as "ou-ab12-cd34ef56" (ou-, 4-32 lowercase letters or digits, -, 8-32 lowercase letters or digits) or the organization\'s root ID such as "r-ab12"'],
    ['no OU', { organizationalUnitIds: [] },
      'Management/Rollout: invalid organizationalUnitIds []: give at least one (an organizational unit ID such as "ou-ab12-cd34ef56" (ou-, 4-32 lowercase letters or digits, -, 8-32 lowercase letters or digits) or the organization\'s root ID such as "r-ab12")'],
    ['an OU twice', { organizationalUnitIds: [OU_WORKLOADS, OU_WORKLOADS] },
      'Management/Rollout: invalid organizationalUnitIds[1] "ou-ab12-11111111": is listed twice (also organizationalUnitIds[0]); CloudFormation requires each once'],
    ['a Region', { region: 'us-east-1a' },
      'Management/Rollout: invalid region "us-east-1a": must be an AWS Region name such as "us-east-1" or "eu-central-2" (lowercase, dashes, ending in a number; not an Availability Zone); give exactly one Region: IAM roles are global, so the roles are created once per account'],
    ['an account', { accounts: ['12345'], accountFilter: RolloutAccountFilter.INTERSECTION },
      'Management/Rollout: invalid accounts[0] "12345": must be a 12-digit AWS account ID as a string'],
    ['accounts without a filter', { accounts: ['333333333333'] },
      'Management/Rollout: invalid accountFilter undefined: say how the accounts narrow the organizational units: RolloutAccountFilter.INTERSECTION (only these accounts of the OUs) or RolloutAccountFilter.DIFFERENCE (every account of the OUs but these)'],
    ['a filter without accounts', { accountFilter: RolloutAccountFilter.DIFFERENCE },
      'Management/Rollout: invalid accountFilter "DIFFERENCE": give the accounts it filters by (accounts)'],
    ['UNION (not supported for a StackSet resource)', { accounts: ['333333333333'], accountFilter: 'UNION' as any },
      'Management/Rollout: invalid accountFilter "UNION": must be RolloutAccountFilter.INTERSECTION or RolloutAccountFilter.DIFFERENCE'],
    ['a StackSet name', { stackSetName: '1-roles' },
      'Management/Rollout: invalid stackSetName "1-roles": must be a StackSet name of 1-128 letters, digits and hyphens, starting with a letter'],
    ['a description', { description: 'x'.repeat(1025) },
      `Management/Rollout: invalid description "${'x'.repeat(196)}...: must be 1-1,024 characters (it has 1025)`],
    ['callAs', { callAs: 'ADMIN' as any },
      'Management/Rollout: invalid callAs "ADMIN": must be RolloutCallAs.SELF or RolloutCallAs.DELEGATED_ADMIN'],
    ['both failure tolerances', { operationPreferences: { failureToleranceCount: 1, failureTolerancePercentage: 10 } },
      'Management/Rollout: invalid operationPreferences.failureTolerancePercentage 10: give failureToleranceCount or failureTolerancePercentage, not both (operationPreferences.failureToleranceCount is 1); CloudFormation accepts one of each pair'],
    ['both concurrencies', { operationPreferences: { maxConcurrentCount: 2, maxConcurrentPercentage: 50 } },
      'Management/Rollout: invalid operationPreferences.maxConcurrentPercentage 50: give maxConcurrentCount or maxConcurrentPercentage, not both (operationPreferences.maxConcurrentCount is 2); CloudFormation accepts one of each pair'],
    ['a negative failure tolerance', { operationPreferences: { failureToleranceCount: -1 } },
      'Management/Rollout: invalid operationPreferences.failureToleranceCount -1: must be a whole number, 0 or more'],
    ['a percentage over 100', { operationPreferences: { failureTolerancePercentage: 101 } },
      'Management/Rollout: invalid operationPreferences.failureTolerancePercentage 101: must be a whole number from 0 to 100'],
    ['no concurrency', { operationPreferences: { maxConcurrentCount: 0 } },
      'Management/Rollout: invalid operationPreferences.maxConcurrentCount 0: must be a whole number, 1 or more'],
    ['a fractional percentage', { operationPreferences: { maxConcurrentPercentage: 12.5 } },
      'Management/Rollout: invalid operationPreferences.maxConcurrentPercentage 12.5: must be a whole number from 0 to 100'],
    ['a concurrency mode', { operationPreferences: { concurrencyMode: 'FAST' as any } },
      'Management/Rollout: invalid operationPreferences.concurrencyMode "FAST": must be RolloutConcurrencyMode.STRICT_FAILURE_TOLERANCE or RolloutConcurrencyMode.SOFT_FAILURE_TOLERANCE'],
  ])('%s', (_name, props, message) => {
    const app = newApp();
    const stack = newStack({ id: 'Management', app });
    expect(() => new RoleRollout(stack, 'Rollout', { ...BASE, ...props })).toThrow(message);
    // An invalid rollout leaves nothing in the app.
    expect(stack.node.tryFindChild('Rollout')).toBeUndefined();
  });

  test('more than 50 OUs', () => {
    const ous = Array.from({ length: 51 }, (_, i) => `ou-ab12-${String(i).padStart(8, '0')}`);
    expect(() => new RoleRollout(new Stack(newApp(), 'Management'), 'Rollout', { ...BASE, organizationalUnitIds: ous }))
      .toThrow(/^Management\/Rollout: invalid organizationalUnitIds \["ou-ab12-00000000",.*\.\.\.: has 51 IDs, but a StackSet deploys to at most 50 organizational units in one operation \(CreateStackInstances\); target a parent OU that contains them, or split them over several RoleRollouts$/);
  });

  test('maxConcurrentCount above failureToleranceCount + 1 under STRICT_FAILURE_TOLERANCE is a warning: CloudFormation would not follow it', () => {
    const { stack } = simple({ operationPreferences: { maxConcurrentCount: 10, failureToleranceCount: 2 } });
    Annotations.fromStack(stack).hasWarning('/Management/Rollout', 'operationPreferences.maxConcurrentCount is 10, but under RolloutConcurrencyMode.STRICT_FAILURE_TOLERANCE (the default) '
      + 'CloudFormation starts with at most failureToleranceCount + 1 = 3 accounts at a time and lowers that with every failure; '
      + 'raise failureToleranceCount, or set concurrencyMode to RolloutConcurrencyMode.SOFT_FAILURE_TOLERANCE [ack: cdk-assumable-roles:StackSetConcurrency]');
    const soft = simple({ operationPreferences: { maxConcurrentCount: 10, concurrencyMode: RolloutConcurrencyMode.SOFT_FAILURE_TOLERANCE } });
    Annotations.fromStack(soft.stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('validation of the hub side', () => {
  function setup() {
    const app = newApp();
    const hub = newStack({ id: 'Hub', app, env: { account: HUB } });
    const { stack, rollout } = simple({}, app);
    return { app, hub, stack, rollout };
  }

  test('a member role without roleName', () => {
    const { hub, rollout } = setup();
    const hubRole = new iam.Role(hub, 'Ci', { roleName: 'ci', assumedBy: new iam.AccountRootPrincipal() });
    const unnamed = new CrossAccountRole(rollout.memberStack, 'Unnamed', {});
    expect(() => rollout.grantAssumeFromHub(hubRole, [unnamed])).toThrow('Management/Rollout: invalid roleName of Management/Rollout/Members/Unnamed undefined: '
      + 'member roles that the hub assumes need a fixed roleName: the hub names them in every account by ARN (arn:{partition}:iam::*:role/<path><name>), '
      + 'and an account does not know a generated name in advance');
  });

  test('a role outside the member stack', () => {
    const { hub, stack, rollout } = setup();
    const hubRole = new iam.Role(hub, 'Ci', { roleName: 'ci', assumedBy: new iam.AccountRootPrincipal() });
    const elsewhere = new CrossAccountRole(stack, 'Elsewhere', { roleName: 'elsewhere', trustedAccounts: [HUB], externalIds: ['x-123'] });
    expect(() => rollout.grantAssumeFromHub(hubRole, [elsewhere])).toThrow('Management/Rollout: invalid memberRoles[0] "Management/Elsewhere": '
      + 'must be a role of this rollout\'s memberStack (Management/Rollout/Members), e.g. new CrossAccountRole(rollout.memberStack, ...)');
    expect(() => rollout.grantAssumeFromHub(hubRole, [])).toThrow('Management/Rollout: invalid memberRoles []: give at least one role of memberStack');
  });

  test('a hub role without name, or without account', () => {
    const { app, hub, rollout } = setup();
    const deployer = new CrossAccountRole(rollout.memberStack, 'Deployer', { roleName: 'deployer' });
    const unnamed = new iam.Role(hub, 'Unnamed', { assumedBy: new iam.AccountRootPrincipal() });
    expect(() => rollout.grantAssumeFromHub(unnamed, [deployer])).toThrow('Management/Rollout: invalid hubRole "Hub/Unnamed": '
      + 'give the hub role a fixed roleName (and a literal path): the member roles name it in their trust policies, in every account');
    const agnostic = new iam.Role(newStack({ id: 'Agnostic', app }), 'Ci', { roleName: 'ci', assumedBy: new iam.AccountRootPrincipal() });
    expect(() => rollout.grantAssumeFromHub(agnostic, [deployer])).toThrow('Management/Rollout: invalid hubRole "Agnostic/Ci": '
      + 'put the hub role in a stack with an explicit env.account, or import it with iam.Role.fromRoleArn: the member roles name its account in their trust policies');
    const member = new CrossAccountRole(rollout.memberStack, 'Member', { roleName: 'member' });
    expect(() => rollout.grantAssumeFromHub(member, [deployer])).toThrow('Management/Rollout: invalid hubRole "Management/Rollout/Members/Member": '
      + 'the hub role must not be a member role: it lives in the hub account, outside memberStack');
    expect(() => rollout.grantAssumeFromHub(new iam.Role(hub, 'Ci', { roleName: 'ci', assumedBy: new iam.AccountRootPrincipal() }), [deployer], { trustStyle: 'ANY' as any }))
      .toThrow('Management/Rollout: invalid trustStyle "ANY": must be HubTrustStyle.PRINCIPAL_ARN_CONDITION or HubTrustStyle.ROLE_ARN');
  });
});

describe('the member template is checked at synthesis', () => {
  test('over 51,200 bytes of TemplateBody is an error naming the limit', () => {
    const { app, rollout } = simple();
    for (let i = 0; i < 40; i++) {
      new CrossAccountRole(rollout.memberStack, `Role${i}`, {
        roleName: `role-${i}`,
        trustedAccounts: [HUB],
        externalIds: ['hub-reader'],
        inlinePolicyJson: {
          read: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:{partition}:s3:::bucket-${'x'.repeat(900)}-${i}/*` }] },
        },
      });
    }
    expect(() => app.synth()).toThrow(/^Management\/Rollout: invalid member template "5\d,\d{3} bytes": a StackSet's TemplateBody holds at most 51,200 bytes \(CloudFormation API reference, CreateStackSet\); split the roles over several RoleRollouts, or shorten their policies \(managed policies instead of long inline ones\)$/);
  });

  test('an empty member stack', () => {
    const app = newApp();
    new RoleRollout(newStack({ id: 'Management', app }), 'Rollout', BASE);
    expect(() => app.synth()).toThrow('Management/Rollout: invalid memberStack "no resources": add the roles to deploy to rollout.memberStack '
      + '(e.g. new CrossAccountRole(rollout.memberStack, ...) or RoleCatalog.fromFile(rollout.memberStack, ...)); CloudFormation rejects a template without resources');
  });

  test('two roles of the same name (IAM ignores case)', () => {
    const { app, rollout } = simple();
    new CrossAccountRole(rollout.memberStack, 'Again', { roleName: 'READER', trustedAccounts: [HUB], externalIds: ['hub-reader'] });
    expect(() => app.synth()).toThrow(/^Management\/Rollout: invalid roleName of Again\w+ "READER": is also the name of Reader\w+ \(IAM compares role names case-insensitively\); a role name is unique in an account, so the stack instances would fail$/);
  });

  test('a member role referring to a role of the rollout\'s stack', () => {
    const { app, stack, rollout } = simple();
    const local = new iam.Role(stack, 'Local', { assumedBy: new iam.AccountRootPrincipal() });
    new CrossAccountRole(rollout.memberStack, 'Referring', { roleName: 'referring', trustedRoleArns: [local.roleArn] });
    expect(() => app.synth()).toThrow(/^Management\/Rollout: invalid member template value "Resources\.Referring\w+\.Properties\.AssumeRolePolicyDocument\.Statement\[0\]\.Principal\.AWS": imports a value of another stack \(Fn::ImportValue\)/);
  });

  test('another stack referring to a member role', () => {
    const { app, stack, rollout } = simple();
    const reader = rollout.memberStack.node.findChild('Reader') as CrossAccountRole;
    reader.grantAssumeRole(new iam.Role(stack, 'Local', { assumedBy: new iam.AccountRootPrincipal() }));
    expect(() => app.synth()).toThrow(/^Management\/Rollout: invalid member template output "ExportsOutputFnGetAttReader\w+": exports a value of the member stack to other stacks, which cannot import it/);
  });

  test('a parameter without default', () => {
    const { app, rollout } = simple();
    new CfnParameter(rollout.memberStack, 'Team', { type: 'String' });
    expect(() => app.synth()).toThrow('Management/Rollout: invalid member template parameter "Team": has no Default, and the StackSet passes no parameter values, '
      + 'so every stack instance would fail; give it a default or use a constant');
  });

  test('assets are a warning: nothing publishes them to the member accounts', () => {
    const { stack, rollout } = simple();
    const role = new ServiceRole(rollout.memberStack, 'FunctionRole', { roleName: 'fn', services: ['lambda'] });
    const dir = mkdtempSync(join(tmpdir(), 'rollout-asset-'));
    writeFileSync(join(dir, 'index.js'), 'exports.handler = async () => 1;');
    new lambda.Function(rollout.memberStack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', role, code: lambda.Code.fromAsset(dir) });
    Annotations.fromStack(stack).hasWarning('/Management/Rollout', Match.stringLikeRegexp(
      '^the member template uses 1 asset \\(file\\) in the CDK bootstrap bucket or repository of each member account \\(Resources\\.Fn\\w+\\.Properties\\.Code\\.S3Bucket\\); '
      + 'a StackSet deploys the template only, nothing publishes assets to the member accounts, .* \\[ack: cdk-assumable-roles:StackSetAssets\\]$'));
    expect(JSON.stringify(memberTemplateOf(stack))).toContain('cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}');
  });

  test('a reference to a bootstrap bucket by name is a warning too', () => {
    const { stack, rollout } = simple();
    const bucket = s3.Bucket.fromBucketName(rollout.memberStack, 'Assets', 'cdk-hnb659fds-assets-123456789012-us-east-1');
    const role = new ServiceRole(rollout.memberStack, 'FunctionRole', { roleName: 'fn', services: ['lambda'] });
    new lambda.Function(rollout.memberStack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', role, code: lambda.Code.fromBucket(bucket, 'code.zip') });
    Annotations.fromStack(stack).hasWarning('/Management/Rollout', Match.stringLikeRegexp('^the member template uses CDK bootstrap assets .*\\(Resources\\.Fn\\w+\\.Properties\\.Code\\.S3Bucket\\)'));
  });

  test('inline code has no asset and no warning', () => {
    const { stack, rollout } = simple();
    const role = new ServiceRole(rollout.memberStack, 'FunctionRole', { roleName: 'fn', services: ['lambda'], restrictToSourceAccount: true });
    new lambda.Function(rollout.memberStack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', role, code: lambda.Code.fromInline('exports.handler = async () => 1;') });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('findings of the member roles are reported at the rollout, naming the member role', () => {
    const { stack, rollout } = simple();
    new CrossAccountRole(rollout.memberStack, 'Wide', { roleName: 'wide', trustedAccounts: [HUB] });
    Annotations.fromStack(stack).hasWarning('/Management/Rollout', Match.stringLikeRegexp('^Management/Rollout/Members/Wide: \\[cdk-assumable-roles:CrossAccountWithoutGuard\\] trust statement 0 trusts the whole account'));
  });

  test('an error finding of a member role is an error of the rollout', () => {
    const { stack, rollout } = simple();
    const role = new CrossAccountRole(rollout.memberStack, 'Open', { roleName: 'open' });
    role.role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['sts:AssumeRole'] }));
    Annotations.fromStack(stack).hasError('/Management/Rollout', Match.stringLikeRegexp('^Management/Rollout/Members/Open: \\[cdk-assumable-roles:TrustAnyPrincipal\\]'));
  });
});

describe('a named role created twice in an account is refused', () => {
  test('by two rollouts to the same OU', () => {
    const app = newApp();
    simple({}, app, 'First');
    simple({ region: 'eu-west-1' }, app, 'Second');
    expect(() => app.synth()).toThrow('Management/Second: invalid organizationalUnitIds ["ou-ab12-11111111"]: this rollout and Management/First both create the role "reader" '
      + 'in the accounts of ou-ab12-11111111; a role name is unique in an account (IAM), so the second StackSet\'s stack instances would fail. '
      + 'Deploy each role from one rollout, or target different OUs');
  });

  test('by a rollout to the root and one to an OU of it', () => {
    const app = newApp();
    simple({ organizationalUnitIds: [ROOT] }, app, 'First');
    simple({ organizationalUnitIds: [OU_SANDBOX] }, app, 'Second');
    expect(() => app.synth()).toThrow(/both create the role "reader" in the accounts of r-ab12, which holds ou-ab12-22222222;/);
  });

  test('by two INTERSECTION rollouts sharing an account', () => {
    const app = newApp();
    simple({ accounts: ['333333333333', '444444444444'], accountFilter: RolloutAccountFilter.INTERSECTION }, app, 'First');
    simple({ accounts: ['444444444444'], accountFilter: RolloutAccountFilter.INTERSECTION }, app, 'Second');
    expect(() => app.synth()).toThrow(/both create the role "reader" in the accounts of account 444444444444 of ou-ab12-11111111;/);
  });

  test.each<[string, Partial<RoleRolloutProps>, Partial<RoleRolloutProps>]>([
    ['different OUs', {}, { organizationalUnitIds: [OU_SANDBOX] }],
    ['different organizations', {}, { organizationId: 'o-zz9yy8xx7w' }],
    ['disjoint INTERSECTION accounts', { accounts: ['333333333333'], accountFilter: RolloutAccountFilter.INTERSECTION },
      { accounts: ['444444444444'], accountFilter: RolloutAccountFilter.INTERSECTION }],
    ['the accounts one rollout excludes are the only ones of the other', { accounts: ['333333333333'], accountFilter: RolloutAccountFilter.DIFFERENCE },
      { accounts: ['333333333333'], accountFilter: RolloutAccountFilter.INTERSECTION }],
  ])('not by rollouts to %s', (_name, first, second) => {
    const app = newApp();
    simple(first, app, 'First');
    simple(second, app, 'Second');
    expect(() => app.synth()).not.toThrow();
  });

  test('not by rollouts of different role names to the same OU', () => {
    const app = newApp();
    const stack = newStack({ id: 'Management', app });
    const a = new RoleRollout(stack, 'First', BASE);
    const b = new RoleRollout(stack, 'Second', BASE);
    new CrossAccountRole(a.memberStack, 'A', { roleName: 'a', trustedAccounts: [HUB], externalIds: ['x-123'] });
    new CrossAccountRole(b.memberStack, 'B', { roleName: 'b', trustedAccounts: [HUB], externalIds: ['x-123'] });
    expect(() => app.synth()).not.toThrow();
  });
});
