import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT_ID, ADDED_STATEMENT, ADDED_TRUST, describeAssumableRoleBehaviour, join, logicalIdOf, PARTITION, trustStatements } from './role-behaviour';
import { AssumableRole, PermissionsBoundary, Trust } from '../../src';
import { newStack } from '../support/stacks';

const EC2_STATEMENT = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };

describeAssumableRoleBehaviour('AssumableRole', {
  make: (scope, id, props = {}) => new AssumableRole(scope, id, { ...props, trust: [Trust.service('ec2'), ...(props.trust ?? [])] }),
  ownStatements: [EC2_STATEMENT],
  extraTrustFirst: false,
  plainPrincipal: () => new iam.ServicePrincipal('ec2.amazonaws.com'),
});

describe('AssumableRole', () => {
  test('has the logical ID a plain iam.Role with the same id gets', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Auditor', { trust: [Trust.account('111122223333')] });
    const plain = new iam.Role(newStack({ id: 'Other' }), 'Auditor', { assumedBy: new iam.AccountPrincipal('111122223333') });
    expect(logicalIdOf(role)).toBe('AuditorB9A7BEA8');
    expect(logicalIdOf(plain)).toBe('AuditorB9A7BEA8');
  });

  test('a role built with its policies up front is one AWS::IAM::Role resource', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Auditor', {
      trust: [Trust.account('111122223333')],
      awsManagedPolicyNames: ['SecurityAudit'],
      inlinePolicyJson: { Deny: { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 'iam:*', Resource: '*' } } },
      permissionsBoundary: PermissionsBoundary.fromName('boundary'),
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expect(Object.keys(template.toJSON().Resources)).toEqual(['AuditorB9A7BEA8']);
  });

  test('merges relationships with identical actions and conditions, keeps the others apart', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', {
      trust: [
        Trust.service('ec2'),
        Trust.account('111122223333'),
        Trust.account('444455556666').requireMfa(Duration.minutes(30)),
        Trust.account('{account}'),
      ],
    });
    expect(trustStatements(role)).toEqual([
      {
        Effect: 'Allow',
        Principal: {
          AWS: [join('arn:', PARTITION, ':iam::111122223333:root'), join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':root')],
          Service: 'ec2.amazonaws.com',
        },
        Action: 'sts:AssumeRole',
      },
      {
        Effect: 'Allow',
        Principal: { AWS: join('arn:', PARTITION, ':iam::444455556666:root') },
        Action: 'sts:AssumeRole',
        Condition: {
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '1800' },
        },
      },
    ]);
  });

  test('a role that trusts no one fails at synth, naming its path', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Orphan');
    expect(() => Template.fromStack(stack)).toThrow(/Stack\/Orphan: the role trusts no one/);
  });

  test('a role without props gets its trust from addTrust', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role');
    role.addTrust(ADDED_TRUST);
    expect(trustStatements(role)).toEqual([ADDED_STATEMENT]);
    expect(role.trusts).toEqual([ADDED_TRUST]);
  });

  test('a role trusted only through role.assumeRolePolicy synthesizes', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role');
    role.role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      principals: [new iam.ServicePrincipal('ec2.amazonaws.com')],
    }));
    expect(trustStatements(role)).toEqual([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }]);
  });

  test('snapshot: an auditor role for a security account', () => {
    const stack = newStack({ id: 'Audit', env: { account: '123456789012', region: 'eu-west-1' } });
    new AssumableRole(stack, 'Auditor', {
      roleName: 'security-auditor',
      description: 'Assumed by the security account to audit this account',
      maxSessionDuration: Duration.hours(2),
      trust: [Trust.account('111122223333').requireMfa(Duration.hours(1))],
      awsManagedPolicyNames: ['SecurityAudit', 'job-function/ViewOnlyAccess'],
      inlinePolicyJson: {
        DenyDataAccess: `{
          "Version": "2012-10-17",
          "Statement": {
            "Effect": "Deny",
            "Action": ["s3:GetObject", "dynamodb:GetItem"],
            "Resource": "*"
          }
        }`,
      },
      permissionsBoundary: PermissionsBoundary.fromName('audit-boundary'),
      tags: { purpose: 'audit' },
      removalPolicy: RemovalPolicy.RETAIN,
      outputs: true,
    });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
