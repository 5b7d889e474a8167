import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ACCOUNT_ID, arnOf, describeAssumableRoleBehaviour, join, logicalIdOf, PARTITION, REGION, trustStatements } from './role-behaviour';
import { ServiceRole } from '../../src';
import { newStack } from '../support/stacks';

const LAMBDA_STATEMENT = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };

describeAssumableRoleBehaviour('ServiceRole', {
  make: (scope, id, props = {}) => new ServiceRole(scope, id, { ...props, services: ['lambda'] }),
  ownStatements: [LAMBDA_STATEMENT],
  extraTrustFirst: true,
  plainPrincipal: () => new iam.ServicePrincipal('lambda.amazonaws.com'),
});

describe('ServiceRole', () => {
  test('has the logical ID of the plain iam.Role it replaces', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Fn', { services: ['lambda'] });
    const plain = new iam.Role(newStack({ id: 'Other' }), 'Fn', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    expect(stack.getLogicalId(role.role.node.defaultChild as iam.CfnRole)).toBe('Fn9270CBC0');
    expect(logicalIdOf(plain)).toBe('Fn9270CBC0');
  });

  test('synthesizes the same trust policy as the plain iam.Role it replaces', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Fn', { services: ['lambda'] });
    const other = newStack({ id: 'Other' });
    new iam.Role(other, 'Fn', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const plainStatements = Template.fromStack(other).toJSON().Resources.Fn9270CBC0.Properties.AssumeRolePolicyDocument.Statement;
    expect(trustStatements(role)).toEqual(plainStatements);
  });

  test('accepts short and full service names, deduplicated, in one statement', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', { services: ['lambda', 'states.amazonaws.com', 'lambda.amazonaws.com', 'edgelambda'] });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { Service: ['lambda.amazonaws.com', 'states.amazonaws.com', 'edgelambda.amazonaws.com'] },
      Action: 'sts:AssumeRole',
    }]);
  });

  test('restrictToSourceAccount requires aws:SourceAccount to be the stack account', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', { services: ['scheduler'], restrictToSourceAccount: true });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'scheduler.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT_ID } },
    }]);
  });

  test('sourceArns restrict aws:SourceArn with ArnLike, rendering ARN templates', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', {
      services: ['events'],
      sourceArns: ['arn:{partition}:events:{region}:{account}:rule/nightly-*', 'arn:aws:events:us-east-1:111122223333:rule/fixed'],
    });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        ArnLike: {
          'aws:SourceArn': [
            join('arn:', PARTITION, ':events:', REGION, ':', ACCOUNT_ID, ':rule/nightly-*'),
            'arn:aws:events:us-east-1:111122223333:rule/fixed',
          ],
        },
      },
    }]);
  });

  test('restrictToSourceAccount and sourceArns together must both hold', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', {
      services: ['sns'],
      restrictToSourceAccount: true,
      sourceArns: ['arn:{partition}:sns:{region}:{account}:alerts'],
    });
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': join('arn:', PARTITION, ':sns:', REGION, ':', ACCOUNT_ID, ':alerts') },
      },
    }]);
  });

  test('instanceProfile creates an instance profile with the role and its path', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', { services: ['ec2'], instanceProfile: true, path: '/instances/' });
    expect(role.instanceProfile).toBeInstanceOf(iam.InstanceProfile);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::InstanceProfile', 1);
    template.hasResourceProperties('AWS::IAM::InstanceProfile', {
      Roles: [{ Ref: logicalIdOf(role) }],
      Path: '/instances/',
    });
    expect(stack.resolve(role.instanceProfile!.role!.roleArn)).toEqual(arnOf(role));
  });

  test('instanceProfile accepts the full EC2 service name', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', { services: ['ssm', 'ec2.amazonaws.com'], instanceProfile: true });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::InstanceProfile', { Roles: [{ Ref: logicalIdOf(role) }] });
  });

  test('no instance profile by default', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', { services: ['ec2'] });
    expect(role.instanceProfile).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::IAM::InstanceProfile', 0);
  });

  test('instanceProfile without ec2 among the services throws', () => {
    expect(() => new ServiceRole(newStack(), 'Role', { services: ['lambda'], instanceProfile: true }))
      .toThrow(/^Stack\/Role: invalid instanceProfile true: .*add "ec2" to services/);
  });

  test('no services throws', () => {
    expect(() => new ServiceRole(newStack(), 'Role', { services: [] }))
      .toThrow(/^Stack\/Role: invalid services .*at least one service name/);
  });

  test('a malformed service name throws with the value', () => {
    expect(() => new ServiceRole(newStack(), 'Role', { services: ['Lambda Service'] }))
      .toThrow(/^Stack\/Role: invalid services .*service "Lambda Service" is not a service name/);
  });

  test('a source ARN that is not an ARN throws with the value', () => {
    expect(() => new ServiceRole(newStack(), 'Role', { services: ['sns'], sourceArns: ['alerts-topic'] }))
      .toThrow(/^Stack\/Role: invalid .*source ARN: "alerts-topic" is not an ARN/);
  });

  test('is the role of a Lambda function', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'HandlerRole', {
      services: ['lambda'],
      awsManagedPolicyNames: ['service-role/AWSLambdaBasicExecutionRole'],
    });
    const fn = new lambda.Function(stack, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => "ok";'),
      role,
    });
    expect(fn.role).toBe(role);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResource('AWS::Lambda::Function', {
      Properties: { Role: arnOf(role) },
      DependsOn: [logicalIdOf(role)],
    });
  });

  test('grants made through a Lambda function land in the role DefaultPolicy', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'HandlerRole', { services: ['lambda'] });
    const fn = new lambda.Function(stack, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => "ok";'),
      role,
    });
    const queue = new sqs.Queue(stack, 'Jobs');
    queue.grantSendMessages(fn);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [Match.objectLike({
          Action: Match.arrayWith(['sqs:SendMessage']),
          Resource: { 'Fn::GetAtt': [stack.getLogicalId(queue.node.defaultChild as sqs.CfnQueue), 'Arn'] },
        })],
      },
      Roles: [{ Ref: logicalIdOf(role) }],
    });
  });
});
