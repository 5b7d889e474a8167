import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, plainRole } from '../validation-support';

describe('PolicyGrammar (error)', () => {
  test('is reported for a misspelled condition operator added with withCondition', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.account('111122223333').withExternalId('partner-1').withCondition('StringEqual', 'aws:PrincipalTag/team', ['ops'])] });
    expectFinding(stack, 'PolicyGrammar', 'error');
    expect(findingMessages(stack, 'PolicyGrammar', 'error').map((m) => m.message)).toEqual([
      '[cdk-assumable-roles:PolicyGrammar] trust policy $.Statement[0].Condition: "StringEqual" is not an IAM condition operator '
      + '(e.g. StringEquals, ArnLike, Bool, ForAnyValue:StringLike, StringEqualsIfExists, Null). Correct the document at the JSON path given in the message.',
    ]);
  });

  test('is reported for a plain iam.Role trust statement with a Resource', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }]);
    expectFinding(stack, 'PolicyGrammar', 'error');
    expect(findingMessages(stack, 'PolicyGrammar', 'error')[0].message).toContain(
      'trust policy $.Statement[1]: field "Resource" is not allowed here: a trust policy has no Resource');
  });

  test('is reported for an inline policy with a character IAM rejects, naming the policy', () => {
    const stack = checkedStack();
    new iam.Role(stack, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: { Reports: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/\u2028'] })] }) },
    });
    expectFinding(stack, 'PolicyGrammar', 'error');
    expect(findingMessages(stack, 'PolicyGrammar', 'error')[0].message).toContain('policy Reports $.Statement[0].Resource: character');
  });

  test('is reported for a separate AWS::IAM::Policy of the role', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'], conditions: { StringEqualsIgnorecase: { 'aws:x': 'y' } } }));
    expectFinding(stack, 'PolicyGrammar', 'error');
    expect(findingMessages(stack, 'PolicyGrammar', 'error')[0].message)
      .toContain('policy Stack/Role/Default/DefaultPolicy/Resource $.Statement[0].Condition: "StringEqualsIgnorecase" is not an IAM condition operator');
  });

  test('is not reported for valid trust and inline policies', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', {
      trust: [Trust.account('111122223333').withExternalId('partner-1').withCondition('StringEquals', 'aws:PrincipalTag/team', ['ops'])],
      inlinePolicyJson: { Reports: { Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:{partition}:s3:::reports/*' } } },
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::reports'] }));
    expectNoFinding(stack, 'PolicyGrammar', 'error');
  });

  test('is not reported for a plain iam.Role built with aws-cdk-lib principals', () => {
    const stack = checkedStack();
    new iam.Role(stack, 'Role', {
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('lambda.amazonaws.com'),
        new iam.AccountPrincipal('111122223333').withConditions({ StringEquals: { 'sts:ExternalId': 'partner-1' } }),
      ),
    });
    expectNoFinding(stack, 'PolicyGrammar', 'error');
  });
});
