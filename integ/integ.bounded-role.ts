/**
 * Integ test: a BoundedRole whose own policies grant more than its permissions boundary.
 *
 * After deployment it checks that IAM holds the role as configured (path, session length,
 * tag, permissions boundary, trust in the account with MFA, managed and inline policies),
 * and, with the IAM policy simulator on the role itself, that the boundary caps the role:
 * - granted by the inline policy and inside the boundary: allowed;
 * - granted by the managed policy and inside the boundary: allowed;
 * - granted by the inline policy but outside the boundary: implicitDeny;
 * - inside the boundary but granted by no policy of the role: implicitDeny.
 *
 * All policies are defined here (no AWS managed policy, whose contents AWS may change), so
 * the expected decisions follow from this file alone.
 */
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { Aws, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BoundedRole, PermissionsBoundary, Trust } from '../src';
import {
  expectAttachedPolicies,
  expectInlinePolicies,
  expectRole,
  grantProvider,
  integTestCase,
  trustFragment,
} from './support/integ-stack';

const test = integTestCase('IntegBoundedRole', 'BoundedRole capped by its permissions boundary');
const { stack, integ } = test;

const boundary = new iam.ManagedPolicy(stack, 'Boundary', {
  description: 'Permissions boundary of the integ test role',
  statements: [new iam.PolicyStatement({
    actions: ['s3:ListAllMyBuckets', 'logs:DescribeLogGroups', 'sqs:ListQueues'],
    resources: ['*'],
  })],
});

const teamPolicy = new iam.ManagedPolicy(stack, 'TeamManagedPolicy', {
  description: 'Managed policy of the integ test role',
  statements: [new iam.PolicyStatement({ actions: ['logs:DescribeLogGroups'], resources: ['*'] })],
});

const role = new BoundedRole(stack, 'TeamRole', {
  trust: [Trust.account('{account}').requireMfa()],
  permissionsBoundary: PermissionsBoundary.fromPolicy(boundary),
  description: 'Role capped by a permissions boundary in the integ test',
  path: '/integ/bounded/',
  maxSessionDuration: Duration.hours(2),
  managedPolicies: [teamPolicy],
  inlinePolicyJson: {
    'team-permissions': {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 'iam:ListRoles'], Resource: '*' }],
    },
  },
  tags: { 'integ-test': 'bounded-role' },
});

expectRole(test, role.roleName, {
  path: '/integ/bounded/',
  maxSessionDurationSeconds: 7200,
  description: 'Role capped by a permissions boundary in the integ test',
  tag: { key: 'integ-test', value: 'bounded-role' },
  permissionsBoundaryArn: boundary.managedPolicyArn,
  trustPolicy: [
    trustFragment('AWS', `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:root`, 'Principal'),
    trustFragment('aws:MultiFactorAuthPresent', 'true', 'Bool'),
    trustFragment('Action', 'sts:AssumeRole'),
  ],
});

expectAttachedPolicies(test, role.roleName, [{ name: teamPolicy.managedPolicyName, arn: teamPolicy.managedPolicyArn }]);

expectInlinePolicies(test, role.roleName, ['team-permissions']);

/** Simulates one action as the role and expects IAM's decision. */
function expectDecision(action: string, decision: 'allowed' | 'implicitDeny'): void {
  const call = integ.assertions
    .awsApiCall('IAM', 'simulatePrincipalPolicy', { PolicySourceArn: role.roleArn, ActionNames: [action] })
    .expect(ExpectedResult.objectLike({
      // Elements of `arrayWith` are matched exactly unless wrapped in `objectLike`.
      EvaluationResults: Match.arrayWith([Match.objectLike({ EvalActionName: action, EvalDecision: decision })]),
    }));
  grantProvider(call, { Effect: 'Allow', Action: 'iam:SimulatePrincipalPolicy', Resource: role.roleArn });
}

expectDecision('s3:ListAllMyBuckets', 'allowed');
expectDecision('logs:DescribeLogGroups', 'allowed');
expectDecision('iam:ListRoles', 'implicitDeny');
expectDecision('sqs:ListQueues', 'implicitDeny');

test.app.synth();
