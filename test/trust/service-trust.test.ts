import { Template } from 'aws-cdk-lib/assertions';
import { ACCOUNT_ID, deployedStatements, join, PARTITION, rawStatements, roleTrusting } from './trust-fixtures';
import { Trust } from '../../src';
import { PARTITION_NAMES } from '../support/resolve';
import { newStack } from '../support/stacks';

const LAMBDA = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };

describe('Trust.service', () => {
  test('trusts the service principal with sts:AssumeRole and no condition', () => {
    const stack = newStack();
    roleTrusting([Trust.service('lambda')], stack);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [LAMBDA] },
    });
    expect(rawStatements([Trust.service('lambda')])).toEqual([LAMBDA]);
  });

  test.each(['lambda', 'lambda.amazonaws.com', 'lambda.amazonaws.com.cn'])('%s becomes lambda.amazonaws.com', (name) => {
    expect(rawStatements([Trust.service(name)])).toEqual([LAMBDA]);
  });

  test.each(['us-east-1', 'cn-north-1', 'us-gov-west-1'])('a short name maps to <name>.amazonaws.com in %s', (region) => {
    expect(rawStatements([Trust.service('ecs-tasks')], newStack({ env: { region } }))).toEqual([
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
  });

  test.each(['pods.eks', 'pods.eks.amazonaws.com', 'delivery.logs'])('a dotted short name %s gets the .amazonaws.com suffix once', (name) => {
    const full = name.endsWith('.amazonaws.com') ? name : `${name}.amazonaws.com`;
    expect(rawStatements([Trust.service(name)])).toEqual([{ Effect: 'Allow', Principal: { Service: full }, Action: 'sts:AssumeRole' }]);
  });

  test('keeps a principal of amazon.com as written', () => {
    expect(rawStatements([Trust.service('alexa-appkit.amazon.com')])).toEqual([
      { Effect: 'Allow', Principal: { Service: 'alexa-appkit.amazon.com' }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('keeps a regional service principal as written', () => {
    expect(rawStatements([Trust.service('states.us-east-1.amazonaws.com')])).toEqual([
      { Effect: 'Allow', Principal: { Service: 'states.us-east-1.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
  });
});

describe('Trust.services', () => {
  test('trusts several services in one statement', () => {
    expect(rawStatements([Trust.services(['lambda', 'edgelambda.amazonaws.com'])])).toEqual([
      { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('names a service once even when given in both forms', () => {
    expect(rawStatements([Trust.services(['lambda', 'lambda.amazonaws.com'])])).toEqual([LAMBDA]);
  });
});

describe('Trust.eksPodIdentity', () => {
  test('trusts pods.eks.amazonaws.com with sts:AssumeRole and sts:TagSession', () => {
    expect(rawStatements([Trust.eksPodIdentity()])).toEqual([
      { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
    ]);
  });

  test('withSessionTags does not repeat sts:TagSession', () => {
    expect(rawStatements([Trust.eksPodIdentity().withSessionTags()])).toEqual([
      { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
    ]);
  });
});

describe('ServiceTrust.withSourceAccount', () => {
  test('defaults to the stack account through AWS::AccountId', () => {
    expect(rawStatements([Trust.service('lambda').withSourceAccount()])).toEqual([
      { ...LAMBDA, Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT_ID } } },
    ]);
    expect(deployedStatements([Trust.service('lambda').withSourceAccount()])).toEqual([
      { ...LAMBDA, Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } },
    ]);
  });

  test('takes an explicit account', () => {
    expect(rawStatements([Trust.service('sns').withSourceAccount('111122223333')])).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    }]);
  });

  test('accepts several accounts, ORed', () => {
    expect(rawStatements([Trust.service('sns').withSourceAccount('111122223333').withSourceAccount('444455556666')])[0].Condition)
      .toEqual({ StringEquals: { 'aws:SourceAccount': ['111122223333', '444455556666'] } });
  });
});

describe('ServiceTrust.withSourceArn', () => {
  const RULE = 'arn:{partition}:events:{region}:{account}:rule/nightly';

  test('compares aws:SourceArn with ArnLike, rendering the placeholders', () => {
    expect(rawStatements([Trust.service('events').withSourceArn(RULE)])).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { ArnLike: { 'aws:SourceArn': join('arn:', PARTITION, ':events:', { Ref: 'AWS::Region' }, ':', ACCOUNT_ID, ':rule/nightly') } },
    }]);
  });

  test.each([
    ['aws', 'arn:aws:events:us-east-1:123456789012:rule/nightly'],
    ['aws-cn', 'arn:aws-cn:events:cn-north-1:123456789012:rule/nightly'],
    ['aws-us-gov', 'arn:aws-us-gov:events:us-gov-west-1:123456789012:rule/nightly'],
  ] as const)('resolves the source ARN in %s', (partition, arn) => {
    expect(deployedStatements([Trust.service('events').withSourceArn(RULE)], partition)[0].Condition)
      .toEqual({ ArnLike: { 'aws:SourceArn': arn } });
  });

  test('with a source account, holds both conditions', () => {
    expect(deployedStatements([Trust.service('events').withSourceAccount().withSourceArn('arn:aws:events:us-east-1:123456789012:rule/*')]))
      .toEqual([{
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': '123456789012' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:events:us-east-1:123456789012:rule/*' },
        },
      }]);
  });
});

describe('ServiceTrust common chain methods', () => {
  test('withSessionTags adds sts:TagSession', () => {
    expect(rawStatements([Trust.service('lambda').withSessionTags()])).toEqual([{ ...LAMBDA, Action: ['sts:AssumeRole', 'sts:TagSession'] }]);
  });

  test('withSourceIdentity adds sts:SetSourceIdentity', () => {
    expect(rawStatements([Trust.service('lambda').withSourceIdentity()])).toEqual([{ ...LAMBDA, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }]);
  });

  test('withCondition adds exactly the given condition', () => {
    expect(rawStatements([Trust.service('lambda').withCondition('StringEquals', 'aws:RequestedRegion', ['eu-west-1', 'eu-central-1'])]))
      .toEqual([{ ...LAMBDA, Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } }]);
  });

  test('withCondition merges with typed conditions of the same operator', () => {
    const trust = Trust.service('lambda').withSourceAccount('111122223333').withCondition('StringEquals', 'aws:SourceOrgID', ['o-a1b2c3d4e5']);
    expect(rawStatements([trust.withSessionTags()])).toEqual([{
      ...LAMBDA,
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: { StringEquals: { 'aws:SourceOrgID': 'o-a1b2c3d4e5', 'aws:SourceAccount': '111122223333' } },
    }]);
  });

  test.each(PARTITION_NAMES)('the service principal does not change with the partition (%s)', (partition) => {
    expect(deployedStatements([Trust.service('lambda')], partition)).toEqual([LAMBDA]);
  });
});
