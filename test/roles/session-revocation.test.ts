import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ServiceRole } from '../../src';
import { newStack } from '../support/stacks';

function revokePolicy(stack: Stack): any {
  const roles = Template.fromStack(stack).findResources('AWS::IAM::Role');
  const [role] = Object.values(roles) as any[];
  return role.Properties.Policies;
}

describe('revokeSessionsIssuedBefore', () => {
  test('adds AWSRevokeOlderSessions exactly as the IAM console does, next to existing inline policies', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', {
      services: ['lambda'],
      inlinePolicies: { read: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] }) },
    });
    role.revokeSessionsIssuedBefore(new Date('2014-05-07T23:47:00Z'));
    const policies = revokePolicy(stack);
    expect(policies.map((p: any) => p.PolicyName)).toEqual(['read', 'AWSRevokeOlderSessions']);
    expect(policies[1].PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Deny',
        Action: ['*'],
        Resource: ['*'],
        Condition: { DateLessThan: { 'aws:TokenIssueTime': '2014-05-07T23:47:00Z' } },
      }],
    });
  });

  test('calling it again moves the time instead of adding a second policy', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', { services: ['lambda'] });
    role.revokeSessionsIssuedBefore(new Date('2024-01-01T00:00:00.123Z'));
    role.revokeSessionsIssuedBefore(new Date('2025-06-30T12:00:00Z'));
    const policies = revokePolicy(stack);
    expect(policies).toHaveLength(1);
    expect(policies[0].PolicyDocument.Statement[0].Condition).toEqual({ DateLessThan: { 'aws:TokenIssueTime': '2025-06-30T12:00:00Z' } });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('an invalid date is an error naming the role', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', { services: ['lambda'] });
    expect(() => role.revokeSessionsIssuedBefore(new Date('not a date'))).toThrow('Stack/Role: invalid revokeSessionsIssuedBefore "Invalid Date": must be a valid Date');
  });
});
