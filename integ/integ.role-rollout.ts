/**
 * Integ test: a RoleRollout deploying two roles to every account of an organizational unit
 * through a service-managed StackSet, and a hub role in the deploying account allowed to assume
 * them there.
 *
 * After deployment it checks that CloudFormation holds the StackSet as configured
 * (service-managed, automatic deployment, active), waits until the stack instances in the OU's
 * accounts have succeeded, and asks the IAM policy simulator whether the hub role's policy allows
 * `sts:AssumeRole` on a member role in an account of the organization's OU (allowed), of another
 * OU (denied) and of another organization (denied), with the resource keys the simulator takes
 * as context entries.
 *
 * Deploying needs an AWS Organizations management account (or a delegated administrator of
 * CloudFormation StackSets, then set INTEG_CALL_AS=DELEGATED_ADMIN) with trusted access for
 * StackSets enabled, and an OU with at least one member account. Give them as environment
 * variables when deploying, and restore the committed snapshot afterwards (it is written with
 * the placeholders below):
 *
 *   INTEG_ACCOUNT=<this account> INTEG_ORGANIZATION_ID=o-... INTEG_OU_ID=ou-... npx projen integ:deploy integ/integ.role-rollout.ts
 */
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { Aws, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CrossAccountRole, RoleRollout, RolloutCallAs } from '../src';
import { integTestCase } from './support/integ-stack';

const ACCOUNT = process.env.INTEG_ACCOUNT ?? '111111111111';
const ORGANIZATION_ID = process.env.INTEG_ORGANIZATION_ID ?? 'o-a1b2c3d4e5';
const OU_ID = process.env.INTEG_OU_ID ?? 'ou-ab12-11111111';
const CALL_AS = process.env.INTEG_CALL_AS === 'DELEGATED_ADMIN' ? RolloutCallAs.DELEGATED_ADMIN : RolloutCallAs.SELF;
const HUB_ROLE_NAME = 'integ-rollout-hub';

const test = integTestCase('IntegRoleRollout', 'RoleRollout to the accounts of an OU, with a hub role');
const { stack, integ } = test;

const rollout = new RoleRollout(stack, 'MemberRoles', {
  organizationId: ORGANIZATION_ID,
  organizationalUnitIds: [OU_ID],
  region: 'us-east-1',
  stackSetName: 'integ-role-rollout',
  callAs: CALL_AS,
  operationPreferences: { maxConcurrentPercentage: 100, failureTolerancePercentage: 100 },
});

// The member roles can do nothing: the test checks who may assume them, not what they do.
const deployer = new CrossAccountRole(rollout.memberStack, 'Deployer', {
  roleName: 'integ-rollout-deployer',
  path: '/integ/',
  awsManagedPolicyNames: ['AWSDenyAll'],
  tags: { 'integ-test': 'role-rollout' },
});
const auditor = new CrossAccountRole(rollout.memberStack, 'Auditor', {
  roleName: 'integ-rollout-auditor',
  awsManagedPolicyNames: ['AWSDenyAll'],
  tags: { 'integ-test': 'role-rollout' },
});

// The hub role lives in the deploying account; the member roles name it by account and name, so
// it is referred to by its ARN (the stack itself is environment-agnostic).
const hubRole = new iam.Role(stack, 'HubRole', {
  roleName: HUB_ROLE_NAME,
  assumedBy: new iam.AccountRootPrincipal(),
  description: 'Hub role of the RoleRollout integ test',
});
const hub = iam.Role.fromRoleArn(stack, 'HubRoleByArn', `arn:aws:iam::${ACCOUNT}:role/${HUB_ROLE_NAME}`);
const access = rollout.grantAssumeFromHub(hub, [deployer, auditor]);
// The hub role's policy names the role by name: the role must exist first. The member roles need
// no such order: they trust the hub role by an aws:PrincipalArn condition, which IAM accepts
// before the hub role exists (HubTrustStyle.PRINCIPAL_ARN_CONDITION, the default).
access.node.addDependency(hubRole);

integ.assertions
  .awsApiCall('CloudFormation', 'describeStackSet', { StackSetName: rollout.stackSetName, CallAs: CALL_AS })
  .expect(ExpectedResult.objectLike({
    StackSet: Match.objectLike({
      Status: 'ACTIVE',
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      Capabilities: ['CAPABILITY_NAMED_IAM'],
    }),
  }));

integ.assertions
  .awsApiCall('CloudFormation', 'listStackInstances', { StackSetName: rollout.stackSetName, CallAs: CALL_AS })
  .expect(ExpectedResult.objectLike({
    Summaries: Match.arrayWith([Match.objectLike({
      Region: 'us-east-1',
      OrganizationalUnitId: OU_ID,
      StackInstanceStatus: { DetailedStatus: 'SUCCEEDED' },
    })]),
  }))
  .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(30) });

/** What the IAM policy simulator decides for the hub role on the deployer role of an account at `orgPath`. */
function simulate(organizationId: string, orgPath: string) {
  return integ.assertions.awsApiCall('IAM', 'simulatePrincipalPolicy', {
    PolicySourceArn: `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${HUB_ROLE_NAME}`,
    ActionNames: ['sts:AssumeRole'],
    ResourceArns: [`arn:${Aws.PARTITION}:iam::999988887777:role/integ/integ-rollout-deployer`],
    ContextEntries: [
      { ContextKeyName: 'aws:ResourceOrgID', ContextKeyType: 'string', ContextKeyValues: [organizationId] },
      { ContextKeyName: 'aws:ResourceOrgPaths', ContextKeyType: 'stringList', ContextKeyValues: [orgPath] },
    ],
  });
}

const root = `r-${OU_ID.split('-')[1]}`;
simulate(ORGANIZATION_ID, `${ORGANIZATION_ID}/${root}/${OU_ID}/`)
  .assertAtPath('EvaluationResults.0.EvalDecision', ExpectedResult.stringLikeRegexp('^allowed$'));
simulate(ORGANIZATION_ID, `${ORGANIZATION_ID}/${root}/ou-${OU_ID.split('-')[1]}-00000000/`)
  .assertAtPath('EvaluationResults.0.EvalDecision', ExpectedResult.stringLikeRegexp('^implicitDeny$'));
simulate('o-zz9yy8xx7w', `o-zz9yy8xx7w/r-zz99/${OU_ID}/`)
  .assertAtPath('EvaluationResults.0.EvalDecision', ExpectedResult.stringLikeRegexp('^implicitDeny$'));

test.app.synth();
