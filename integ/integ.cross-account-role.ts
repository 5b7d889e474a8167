/**
 * Integ test: a CrossAccountRole that trusts the stack's own account with an ExternalId.
 *
 * After deployment it checks that IAM holds the role as configured (path, session length,
 * tag, trust in the account root with the ExternalId condition, managed and inline
 * policies), that `sts:AssumeRole` with the ExternalId succeeds, and that it is denied with a
 * wrong or a missing ExternalId.
 *
 * An STS error always fails an integ-tests-alpha `AwsApiCall` (the custom resource reports
 * FAILED), so the denied cases are run by a small probe function, which reports each
 * attempt's outcome as data that the test then asserts on.
 */
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CrossAccountRole } from '../src';
import {
  awsManagedPolicyArn,
  expectAttachedPolicies,
  expectInlinePolicies,
  expectRole,
  grantProvider,
  integTestCase,
  trustFragment,
} from './support/integ-stack';

const EXTERNAL_ID = 'integ-external-id-7f3c';
const SESSION_NAME = 'integ-correct-external-id';

const test = integTestCase('IntegCrossAccountRole', 'CrossAccountRole with an ExternalId');
const { stack, integ } = test;

const role = new CrossAccountRole(stack, 'PartnerRole', {
  trustedAccounts: ['{account}'],
  externalIds: [EXTERNAL_ID],
  description: 'Role assumed with an ExternalId in the integ test',
  path: '/integ/cross-account/',
  maxSessionDuration: Duration.hours(4),
  // The assertion Lambda logs the STS response, temporary credentials included (for 15
  // minutes): sessions of this role can do nothing.
  awsManagedPolicyNames: ['AWSDenyAll'],
  inlinePolicyJson: {
    'deny-secret-values': {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
    },
  },
  tags: { 'integ-test': 'cross-account-role' },
});

expectRole(test, role.roleName, {
  path: '/integ/cross-account/',
  maxSessionDurationSeconds: 4 * 3600,
  description: 'Role assumed with an ExternalId in the integ test',
  tag: { key: 'integ-test', value: 'cross-account-role' },
  trustPolicy: [
    trustFragment('AWS', `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:root`, 'Principal'),
    trustFragment('sts:ExternalId', EXTERNAL_ID, 'StringEquals'),
    trustFragment('Action', 'sts:AssumeRole'),
  ],
});

expectAttachedPolicies(test, role.roleName, [{ name: 'AWSDenyAll', arn: awsManagedPolicyArn('AWSDenyAll') }]);

expectInlinePolicies(test, role.roleName, ['deny-secret-values']);

// A principal of the trusted account, allowed by its own policy, assumes the role with the
// ExternalId. Only the session's ARN is returned to CloudFormation (`assertAtPath` filters
// the response). The waiter retries while IAM propagates the new role's trust policy.
const assume = integ.assertions
  .awsApiCall('STS', 'assumeRole', {
    RoleArn: role.roleArn,
    RoleSessionName: SESSION_NAME,
    ExternalId: EXTERNAL_ID,
    DurationSeconds: 900,
  })
  .assertAtPath('AssumedRoleUser.Arn', ExpectedResult.stringLikeRegexp(`:assumed-role/${role.roleName}/${SESSION_NAME}$`))
  .waitForAssertions({ totalTimeout: Duration.minutes(3), interval: Duration.seconds(10) });
// The caller's side of the trust, as the construct documents it.
grantProvider(assume, role.callerPolicyStatement().toStatementJson());

// Tries the role with the right ExternalId (the control: it must succeed, so that a denial
// below can only come from the trust policy), a wrong one and none.
const probe = new lambda.Function(stack, 'AssumeRoleProbe', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  // Deleted with the stack (the default log group would be retained after every test run).
  logGroup: new logs.LogGroup(stack, 'AssumeRoleProbeLogs', { retention: logs.RetentionDays.ONE_DAY, removalPolicy: RemovalPolicy.DESTROY }),
  timeout: Duration.seconds(90),
  environment: { ROLE_ARN: role.roleArn, EXTERNAL_ID },
  code: lambda.Code.fromInline([
    "const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');",
    'const sts = new STSClient({});',
    'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));',
    'async function attempt(externalId) {',
    '  try {',
    '    await sts.send(new AssumeRoleCommand({',
    "      RoleArn: process.env.ROLE_ARN, RoleSessionName: 'integ-probe', DurationSeconds: 900,",
    '      ...(externalId === undefined ? {} : { ExternalId: externalId }),',
    '    }));',
    "    return 'Allowed';",
    '  } catch (e) {',
    "    if (e.name === 'AccessDenied' || (e.$metadata && e.$metadata.httpStatusCode === 403)) return 'AccessDenied';",
    '    return `Error ${e.name}: ${e.message}`;',
    '  }',
    '}',
    'exports.handler = async () => {',
    '  let correct = await attempt(process.env.EXTERNAL_ID);',
    "  for (let i = 0; i < 10 && correct !== 'Allowed'; i++) {",
    '    await sleep(5000);',
    '    correct = await attempt(process.env.EXTERNAL_ID);',
    '  }',
    '  return {',
    '    correctExternalId: correct,',
    "    wrongExternalId: await attempt(process.env.EXTERNAL_ID + '-wrong'),",
    '    noExternalId: await attempt(undefined),',
    '  };',
    '};',
  ].join('\n')),
});
probe.addToRolePolicy(role.callerPolicyStatement());

assume.next(integ.assertions
  .invokeFunction({ functionName: probe.functionName })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: Match.serializedJson({
      correctExternalId: 'Allowed',
      wrongExternalId: 'AccessDenied',
      noExternalId: 'AccessDenied',
    }),
  })));

test.app.synth();
