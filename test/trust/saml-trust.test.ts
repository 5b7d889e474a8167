import { Template } from 'aws-cdk-lib/assertions';
import { deployedStatementsOf, rawStatements, roleTrusting, synthesize } from './trust-fixtures';
import { AssumableRole, Trust } from '../../src';
import { PARTITION_NAMES } from '../support/resolve';
import { newStack } from '../support/stacks';

const OKTA = 'arn:{partition}:iam::{account}:saml-provider/okta';
const SIGN_IN = {
  'aws': 'https://signin.aws.amazon.com/saml',
  'aws-cn': 'https://signin.amazonaws.cn/saml',
  'aws-us-gov': 'https://signin.amazonaws-us-gov.com/saml',
};

function samlStatement(partition: string, audience: unknown, extra: object = {}): object {
  return {
    Effect: 'Allow',
    Principal: { Federated: `arn:${partition}:iam::123456789012:saml-provider/okta` },
    Action: 'sts:AssumeRoleWithSAML',
    Condition: { StringEquals: { 'SAML:aud': audience } },
    ...extra,
  };
}

describe('Trust.saml', () => {
  test.each([
    ['us-east-1', 'aws'],
    ['eu-west-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ] as const)('in %s, SAML:aud is the literal sign-in endpoint of %s', (region, partition) => {
    const role = roleTrusting([Trust.saml(OKTA)], newStack({ env: { region } }));
    const { template, statements } = synthesize(role);
    expect(statements[0].Condition).toEqual({ StringEquals: { 'SAML:aud': SIGN_IN[partition] } });
    expect(template.Mappings).toBeUndefined();
    expect(deployedStatementsOf(role, partition)).toEqual([samlStatement(partition, SIGN_IN[partition])]);
  });

  test('in an environment-agnostic stack, SAML:aud is looked up by AWS::Partition', () => {
    const role = roleTrusting([Trust.saml(OKTA)]);
    const { statements } = synthesize(role);
    expect(statements[0].Condition).toEqual({
      StringEquals: { 'SAML:aud': { 'Fn::FindInMap': [expect.any(String), { Ref: 'AWS::Partition' }, expect.any(String)] } },
    });
    for (const partition of PARTITION_NAMES) {
      expect(deployedStatementsOf(role, partition)).toEqual([samlStatement(partition, SIGN_IN[partition])]);
    }
  });

  test('a stack with an account but no region is environment-agnostic for SAML:aud', () => {
    const role = roleTrusting([Trust.saml(OKTA)], newStack({ env: { account: '123456789012' } }));
    expect(deployedStatementsOf(role, 'aws-cn')).toEqual([samlStatement('aws-cn', SIGN_IN['aws-cn'])]);
  });

  test('two roles of one environment-agnostic stack share the mapping', () => {
    const stack = newStack();
    roleTrusting([Trust.saml(OKTA)], stack);
    const second = new AssumableRole(stack, 'Second', { trust: [Trust.saml(OKTA)] });
    const { template } = synthesize(second);
    expect(Object.keys(template.Mappings)).toHaveLength(1);
    expect(deployedStatementsOf(second, 'aws-us-gov')).toEqual([samlStatement('aws-us-gov', SIGN_IN['aws-us-gov'])]);
  });

  test('takes audiences', () => {
    const role = roleTrusting([Trust.saml(OKTA, { audiences: ['https://signin.aws.amazon.com/saml', 'https://us-east-1.signin.aws.amazon.com/saml'] })]);
    expect(deployedStatementsOf(role)).toEqual([
      samlStatement('aws', ['https://signin.aws.amazon.com/saml', 'https://us-east-1.signin.aws.amazon.com/saml']),
    ]);
  });

  test('a literal provider ARN stays a plain string', () => {
    expect(rawStatements([Trust.saml('arn:aws:iam::111122223333:saml-provider/AzureAD')], newStack({ env: { region: 'us-east-1' } }))).toEqual([{
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/AzureAD' },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': SIGN_IN.aws } },
    }]);
  });

  test('withSessionTags, withSourceIdentity and withCondition', () => {
    const trust = Trust.saml(OKTA)
      .withCondition('StringLike', 'SAML:sub', ['*@example.com'])
      .withSessionTags()
      .withSourceIdentity();
    const role = roleTrusting([trust], newStack({ env: { region: 'us-east-1' } }));
    expect(deployedStatementsOf(role)).toEqual([{
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/okta' },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Condition: {
        StringLike: { 'SAML:sub': '*@example.com' },
        StringEquals: { 'SAML:aud': SIGN_IN.aws },
      },
    }]);
  });
});

describe('SAML audience outside the three commercial/government partitions', () => {
  test('an ISO region uses the sign-in endpoint aws-cdk-lib knows for it', () => {
    const stack = newStack({ env: { region: 'us-isob-east-1', account: '123456789012' } });
    new AssumableRole(stack, 'Role', { trust: [Trust.saml('arn:aws-iso-b:iam::123456789012:saml-provider/idp')] });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Condition: { StringEquals: { 'SAML:aud': 'https://signin.sc2shome.sgov.gov/saml' } } }] },
    });
  });

  test('a region with no known sign-in endpoint is an error that says to give audiences', () => {
    const stack = newStack({ env: { region: 'eu-isoe-west-1', account: '123456789012' } });
    expect(() => new AssumableRole(stack, 'Role', { trust: [Trust.saml('arn:aws-iso-e:iam::123456789012:saml-provider/idp')] }))
      .toThrow('Stack/Role: invalid trust[0] "Trust.saml(arn:aws-iso-e:iam::123456789012:saml-provider/idp)": '
        + 'no SAML sign-in endpoint is known for the stack\'s region eu-isoe-west-1 (partition aws-iso-e); give the audiences: Trust.saml(arn, { audiences: [...] })');
    expect(() => new AssumableRole(stack, 'Ok', { trust: [Trust.saml('arn:aws-iso-e:iam::123456789012:saml-provider/idp', { audiences: ['https://idp.example/saml'] })] }))
      .not.toThrow();
  });
});
