/**
 * What a session of a BoundedRole may do: only what both its policies and its permissions
 * boundary allow. Actions granted but outside the boundary are denied, and so are actions inside
 * the boundary that no policy grants.
 */
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { allow, deny, describeCases, HOME, PARTNER, Subject } from './evaluation-fixtures';
import { BoundedRole, PermissionsBoundary, Trust } from '../../src';
import { PARTITION_NAMES } from '../support/resolve';
import { newStack } from '../support/stacks';
import { Callers, PolicyDocument, TrustEvaluator } from '../support/trust-evaluator';

const DATA = 'arn:{partition}:s3:::team-data';
const LOG_STREAM = 'arn:{partition}:logs:{region}:{account}:log-group:/team/app:log-stream:s1';
const QUEUE = 'arn:{partition}:sqs:{region}:{account}:jobs';
const TABLE = 'arn:{partition}:dynamodb:{region}:{account}:table/orders';

/** The boundary, as the platform team would publish it (customer managed policy `team-boundary`). */
const BOUNDARY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Data', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: [DATA, `${DATA}/*`] },
    { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:{partition}:logs:{region}:{account}:log-group:/team/*' },
    { Sid: 'Queue', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
    { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:*', Resource: `${DATA}/secret/*` },
  ],
};

/** The document of the AWS managed policy AdministratorAccess. */
const ADMINISTRATOR_ACCESS: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

interface SessionCase {
  readonly action: string;
  readonly resource: string;
  readonly allowed: boolean;
  readonly why: string;
  readonly context?: Record<string, string>;
}

type Context = Record<string, string>;
const may = (action: string, resource: string, why: string, context?: Context): SessionCase =>
  ({ action, resource, why, allowed: true, context });
const mayNot = (action: string, resource: string, why: string, context?: Context): SessionCase =>
  ({ action, resource, why, allowed: false, context });

function describeSessions(title: string, build: () => Subject, cases: SessionCase[]): void {
  let subject: Subject | undefined;
  const get = () => (subject ??= build());
  describe.each(PARTITION_NAMES)(`${title} (%s)`, (partition) => {
    test.each(cases.map((c) => [c.allowed ? 'may' : 'may not', c.action, c.resource, c.why, c] as const))('%s %s on %s: %s', async (_v, _a, _r, _w, c) => {
      const { stack, role, options } = get();
      const decision = await TrustEvaluator.forStack(stack, partition, options).maySessionDo(role, c.action, c.resource, { context: c.context });
      expect(decision).toMatchObject({ allowed: c.allowed });
    });
  });
}

/** AdministratorAccess inside the boundary `team-boundary` (by name, defined outside the stack). */
function adminInsideBoundary(): Subject {
  const stack = newStack();
  const role = new BoundedRole(stack, 'TeamAdmin', {
    trust: [Trust.role('arn:{partition}:iam::{account}:role/ci')],
    permissionsBoundary: PermissionsBoundary.fromName('team-boundary'),
    awsManagedPolicyNames: ['AdministratorAccess'],
  });
  return {
    stack,
    role,
    options: {
      externalPolicies: {
        'arn:{partition}:iam::{account}:policy/team-boundary': BOUNDARY,
        'arn:{partition}:iam::aws:policy/AdministratorAccess': ADMINISTRATOR_ACCESS,
      },
    },
  };
}

/** Narrow policies of every kind, and the same boundary defined in the stack. */
function narrowInsideBoundary(): Subject {
  const stack = newStack();
  const p = Aws.PARTITION;
  const boundary = new iam.ManagedPolicy(stack, 'Boundary', {
    statements: [
      new iam.PolicyStatement({ sid: 'Data', actions: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], resources: [`arn:${p}:s3:::team-data`, `arn:${p}:s3:::team-data/*`] }),
      new iam.PolicyStatement({
        sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`arn:${p}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/team/*`],
      }),
      new iam.PolicyStatement({ sid: 'Queue', actions: ['sqs:SendMessage'], resources: ['*'] }),
      new iam.PolicyStatement({ sid: 'NoSecrets', effect: iam.Effect.DENY, actions: ['s3:*'], resources: [`arn:${p}:s3:::team-data/secret/*`] }),
    ],
  });
  const orders = new iam.ManagedPolicy(stack, 'Orders', {
    statements: [new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [`arn:${p}:dynamodb:${Aws.REGION}:${Aws.ACCOUNT_ID}:table/orders`] })],
  });
  const role = new BoundedRole(stack, 'TeamApp', {
    trust: [Trust.service('lambda')],
    permissionsBoundary: PermissionsBoundary.fromPolicy(boundary),
    inlinePolicyJson: {
      Data: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: 'arn:{partition}:s3:::team-data/*' }] },
    },
    managedPolicies: [orders],
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['logs:PutLogEvents'], resources: [`arn:${p}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/team/app:*`],
  }));
  role.revokeSessionsIssuedBefore(new Date('2026-01-01T00:00:00Z'));
  return { stack, role };
}

describeSessions('BoundedRole with AdministratorAccess inside a boundary', adminInsideBoundary, [
  may('s3:GetObject', `${DATA}/report.csv`, 'granted and in the boundary'),
  may('s3:PutObject', `${DATA}/report.csv`, 'granted and in the boundary'),
  may('s3:ListBucket', DATA, 'granted and in the boundary'),
  may('logs:PutLogEvents', LOG_STREAM, 'granted and in the boundary'),
  may('sqs:SendMessage', QUEUE, 'granted and in the boundary'),
  mayNot('s3:DeleteObject', `${DATA}/report.csv`, 'granted, but the boundary lacks the action'),
  mayNot('s3:GetObject', 'arn:{partition}:s3:::other-bucket/report.csv', 'granted, but the boundary lacks the resource'),
  mayNot('s3:GetObject', `${DATA}/secret/key`, 'granted, but the boundary denies it'),
  mayNot('logs:PutLogEvents', 'arn:{partition}:logs:{region}:{account}:log-group:/other/app:log-stream:s1', 'another log group'),
  mayNot('iam:CreateRole', 'arn:{partition}:iam::{account}:role/escalate', 'no way out of the boundary'),
  mayNot('iam:DeleteRolePermissionsBoundary', 'arn:{partition}:iam::{account}:role/Stack-TeamAdmin', 'cannot remove its own boundary'),
  mayNot('sqs:DeleteQueue', QUEUE, 'the boundary allows only SendMessage'),
]);

describeSessions('BoundedRole with narrow policies inside a boundary of the stack', narrowInsideBoundary, [
  may('s3:GetObject', `${DATA}/report.csv`, 'inline policy and boundary', { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }),
  may('logs:PutLogEvents', LOG_STREAM, 'attached policy and boundary', { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }),
  mayNot('s3:PutObject', `${DATA}/report.csv`, 'in the boundary, but granted by no policy', { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }),
  mayNot('s3:ListBucket', DATA, 'in the boundary, but granted by no policy', { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }),
  mayNot('sqs:SendMessage', QUEUE, 'in the boundary, but granted by no policy', { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }),
  mayNot('logs:CreateLogStream', LOG_STREAM, 'in the boundary, but granted by no policy', { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }),
  mayNot('s3:DeleteObject', `${DATA}/report.csv`, 'granted inline, but not in the boundary', { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }),
  mayNot('dynamodb:GetItem', TABLE, 'granted by a managed policy, but not in the boundary', { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }),
  mayNot('s3:GetObject', `${DATA}/secret/key`, 'granted inline, but the boundary denies it', { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }),
  mayNot('s3:GetObject', `${DATA}/report.csv`, 'a session issued before the revocation time', { 'aws:TokenIssueTime': '2025-12-31T23:59:59Z' }),
]);

describeCases('who may assume the BoundedRole', adminInsideBoundary, [
  allow('the ci role of the account', Callers.role(HOME, 'ci', { identityPolicies: [] })),
  deny('another role of the account', Callers.role(HOME, 'developer')),
  deny('a ci role of another account', Callers.role(PARTNER, 'ci')),
]);
