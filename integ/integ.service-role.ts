/**
 * Integ test: a ServiceRole used as a Lambda function's execution role.
 *
 * After deployment it checks that IAM holds the role as configured (path, session length,
 * tag, description, trust in lambda.amazonaws.com, managed and inline policies) and that the
 * function really runs as the role.
 */
import { ExpectedResult, Match } from '@aws-cdk/integ-tests-alpha';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ServiceRole } from '../src';
import {
  awsManagedPolicyArn,
  expectAttachedPolicies,
  expectInlinePolicies,
  expectRole,
  integTestCase,
  trustFragment,
} from './support/integ-stack';

const test = integTestCase('IntegServiceRole', 'ServiceRole as a Lambda execution role');
const { stack, integ } = test;

const role = new ServiceRole(stack, 'FunctionRole', {
  services: ['lambda'],
  description: 'Execution role of the integ test function',
  path: '/integ/service-role/',
  maxSessionDuration: Duration.hours(2),
  awsManagedPolicyNames: ['service-role/AWSLambdaBasicExecutionRole'],
  inlinePolicyJson: {
    'read-own-configuration': {
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Action: 'lambda:GetFunctionConfiguration',
        Resource: 'arn:{partition}:lambda:{region}:{account}:function:*',
      }],
    },
  },
  tags: { 'integ-test': 'service-role' },
});

// Returns the identity the function runs as: the assumed ServiceRole.
const fn = new lambda.Function(stack, 'Function', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  // Deleted with the stack (the default log group would be retained after every test run).
  logGroup: new logs.LogGroup(stack, 'FunctionLogs', { retention: logs.RetentionDays.ONE_DAY, removalPolicy: RemovalPolicy.DESTROY }),
  role,
  timeout: Duration.seconds(30),
  code: lambda.Code.fromInline([
    "const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');",
    'exports.handler = async () => {',
    '  const identity = await new STSClient({}).send(new GetCallerIdentityCommand({}));',
    '  return { arn: identity.Arn };',
    '};',
  ].join('\n')),
});

expectRole(test, role.roleName, {
  path: '/integ/service-role/',
  maxSessionDurationSeconds: 7200,
  description: 'Execution role of the integ test function',
  tag: { key: 'integ-test', value: 'service-role' },
  trustPolicy: [
    trustFragment('Service', 'lambda.amazonaws.com', 'Principal'),
    trustFragment('Action', 'sts:AssumeRole'),
  ],
});

expectAttachedPolicies(test, role.roleName, [{
  name: 'AWSLambdaBasicExecutionRole',
  arn: awsManagedPolicyArn('service-role/AWSLambdaBasicExecutionRole'),
}]);

expectInlinePolicies(test, role.roleName, ['read-own-configuration']);

// The function's identity is a session of the ServiceRole.
integ.assertions
  .invokeFunction({ functionName: fn.functionName })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: Match.stringLikeRegexp(`:assumed-role/${role.roleName}/`),
  }));

test.app.synth();
