/**
 * `outputs: true` (src/private/role-outputs.ts): the role's ARN, name and unique ID, and for roles
 * people assume by hand the console's switch-role link, built per partition at deploy time.
 */
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, CrossAccountRole, IrsaRole, OidcIssuer, RoleCatalog, ServiceRole, Trust } from '../../src';
import { PARTITION_NAMES, resolveCfn, TEST_ACCOUNT } from '../support/resolve';
import { newStack } from '../support/stacks';

const PARTNER = '111122223333';
const SIGN_IN = { 'aws': 'signin.aws.amazon.com', 'aws-cn': 'signin.amazonaws.cn', 'aws-us-gov': 'signin.amazonaws-us-gov.com' };

/** The stack's outputs, by logical ID. */
function outputsOf(stack: Stack): Record<string, any> {
  return Template.fromStack(stack).findOutputs('*');
}

/** Evaluates a condition of the template for a partition (Fn::Or, Fn::Equals, Ref AWS::Partition: what the outputs use). */
function holds(template: any, condition: string, partition: string): boolean {
  const evaluate = (expression: any): any => {
    if (expression?.Ref === 'AWS::Partition') return partition;
    if (expression?.['Fn::Or']) return expression['Fn::Or'].some(evaluate);
    if (expression?.['Fn::Equals']) return evaluate(expression['Fn::Equals'][0]) === evaluate(expression['Fn::Equals'][1]);
    if (typeof expression === 'string') return expression;
    throw new Error(`unexpected ${JSON.stringify(expression)}`);
  };
  return evaluate(template.Conditions[condition]);
}

describe('outputs: the role\'s ARN, name and unique ID', () => {
  test('every role with outputs gets RoleArn, RoleName and RoleId, with logical IDs derived from its construct ID', () => {
    const stack = newStack();
    new ServiceRole(stack, 'Function', { services: ['lambda'], outputs: true });
    const outputs = outputsOf(stack);
    // <construct ID><output ID><the first 8 hex digits of md5("Function/<output ID>")>, as CDK makes logical IDs.
    expect(Object.keys(outputs).sort()).toEqual(['FunctionRoleArn55282845', 'FunctionRoleIdA09A39D3', 'FunctionRoleName8D0FFE59']);
    expect(outputs.FunctionRoleIdA09A39D3).toEqual({ Description: 'Unique ID (AROA...) of Stack/Function', Value: { 'Fn::GetAtt': ['Function76856677', 'RoleId'] } });
    expect(outputs.FunctionRoleArn55282845.Value).toEqual({ 'Fn::GetAtt': ['Function76856677', 'Arn'] });
    expect(outputs.FunctionRoleName8D0FFE59.Value).toEqual({ Ref: 'Function76856677' });
  });

  test('without outputs, no output', () => {
    const stack = newStack();
    new CrossAccountRole(stack, 'Partner', { trustedRoleArns: [`arn:{partition}:iam::${PARTNER}:role/ops`] });
    expect(outputsOf(stack)).toEqual({});
  });
});

describe('outputs: the switch-role link of a role people assume by hand', () => {
  function partnerStack(): Stack {
    const stack = newStack();
    new CrossAccountRole(stack, 'Partner', { roleName: 'ops-admin', path: '/ops/', trustedRoleArns: [`arn:{partition}:iam::${PARTNER}:role/ops`], requireMfa: true, outputs: true });
    return stack;
  }

  test('SwitchRoleUrl, only where the partition has a known sign-in host', () => {
    const stack = partnerStack();
    const template = Template.fromStack(stack).toJSON();
    expect(Object.keys(template.Outputs).sort()).toEqual(['PartnerRoleArn024206EC', 'PartnerRoleId607B5542', 'PartnerRoleName898CE755', 'PartnerSwitchRoleUrl424F2EA7']);
    const output = template.Outputs.PartnerSwitchRoleUrl424F2EA7;
    expect(output.Condition).toBe('AssumableRolesSignInHostKnown');
    expect(output.Description).toBe('Console link to switch to Stack/Partner');
    expect(template.Mappings.AssumableRolesSignInHost).toEqual({
      'aws': { host: 'signin.aws.amazon.com' },
      'aws-cn': { host: 'signin.amazonaws.cn' },
      'aws-us-gov': { host: 'signin.amazonaws-us-gov.com' },
    });
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov']) {
      expect(holds(template, output.Condition, partition)).toBe(true);
    }
    expect(holds(template, output.Condition, 'aws-iso')).toBe(false);
  });

  test.each(PARTITION_NAMES)('the link in %s: the partition\'s sign-in host, the account, the path and name', (partition) => {
    const template = Template.fromStack(partnerStack()).toJSON();
    expect(resolveCfn(template.Outputs.PartnerSwitchRoleUrl424F2EA7.Value, partition, { mappings: template.Mappings }))
      .toBe(`https://${SIGN_IN[partition]}/switchrole?account=${TEST_ACCOUNT}&roleName=ops/ops-admin`);
  });

  test('a name with + is encoded (a + in a query reads as a space)', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { roleName: 'ops+admin@team', trust: [Trust.account(PARTNER).requireMfa()], outputs: true });
    const template = Template.fromStack(stack).toJSON();
    const [url] = Object.entries<any>(template.Outputs).filter(([id]) => id.includes('SwitchRoleUrl')).map(([, o]) => o.Value);
    expect(resolveCfn(url, 'aws', { mappings: template.Mappings })).toBe(`https://signin.aws.amazon.com/switchrole?account=${TEST_ACCOUNT}&roleName=ops%2Badmin%40team`);
  });

  test('an unnamed role links to the name CloudFormation gives it', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.account(PARTNER)], outputs: true });
    const template = Template.fromStack(stack).toJSON();
    expect(resolveCfn(template.Outputs.RoleSwitchRoleUrl4CBF48A9.Value, 'aws', { mappings: template.Mappings, refs: { Role1ABCC5F0: 'Stack-Role1ABCC5F0-AbCdEf' } }))
      .toBe(`https://signin.aws.amazon.com/switchrole?account=${TEST_ACCOUNT}&roleName=Stack-Role1ABCC5F0-AbCdEf`);
  });

  test('the roles of a stack share one mapping and one condition', () => {
    const stack = partnerStack();
    new AssumableRole(stack, 'Org', { trust: [Trust.organization('o-a1b2c3d4e5')], outputs: true });
    const template = Template.fromStack(stack).toJSON();
    expect(Object.keys(template.Mappings)).toEqual(['AssumableRolesSignInHost']);
    expect(Object.keys(template.Conditions)).toEqual(['AssumableRolesSignInHostKnown']);
    expect(Object.keys(template.Outputs).filter((id) => id.includes('SwitchRoleUrl'))).toHaveLength(2);
  });

  test('a stack whose Region is known at synthesis gets its partition\'s host itself, with no mapping or condition', () => {
    const stack = newStack({ env: { account: '999988887777', region: 'cn-north-1' } });
    new AssumableRole(stack, 'Role', { roleName: 'ops', trust: [Trust.account(PARTNER)], outputs: true });
    const template = Template.fromStack(stack).toJSON();
    expect(template.Outputs.RoleSwitchRoleUrl4CBF48A9).toEqual({
      Description: 'Console link to switch to Stack/Role',
      Value: 'https://signin.amazonaws.cn/switchrole?account=999988887777&roleName=ops',
    });
    expect(template.Mappings).toBeUndefined();
  });

  test('a partition without a known sign-in host gets no link, and says so', () => {
    const stack = newStack({ env: { account: '999988887777', region: 'us-iso-east-1' } });
    new AssumableRole(stack, 'Role', { roleName: 'ops', trust: [Trust.account(PARTNER)], outputs: true });
    expect(Object.keys(outputsOf(stack)).filter((id) => id.includes('SwitchRoleUrl'))).toEqual([]);
    Annotations.fromStack(stack).hasInfo('/Stack/Role', 'no SwitchRoleUrl output: the console sign-in host of partition aws-iso is not known');
  });

  test('a path and name longer than the console takes get no link, and say so', () => {
    const stack = newStack();
    const name = 'n'.repeat(60);
    new AssumableRole(stack, 'Role', { roleName: name, path: '/team/', trust: [Trust.account(PARTNER)], outputs: true });
    expect(Object.keys(outputsOf(stack)).filter((id) => id.includes('SwitchRoleUrl'))).toEqual([]);
    Annotations.fromStack(stack).hasInfo('/Stack/Role', Match.stringLikeRegexp(`^no SwitchRoleUrl output: the console's Switch Role takes a path and role name of at most 64 characters together, and "team/${name}" has 65$`));
  });
});

describe('outputs: which roles people assume by hand', () => {
  const switchRoleUrls = (build: (stack: Stack) => void) => {
    const stack = newStack();
    build(stack);
    return Object.keys(outputsOf(stack)).filter((id) => id.includes('SwitchRoleUrl'));
  };

  test.each([
    ['accounts', (s: Stack) => new CrossAccountRole(s, 'R', { trustedAccounts: [PARTNER], outputs: true })],
    ['a user', (s: Stack) => new CrossAccountRole(s, 'R', { trustedUserArns: [`arn:aws:iam::${PARTNER}:user/alice`], outputs: true })],
    ['an organization', (s: Stack) => new AssumableRole(s, 'R', { trust: [Trust.organization('o-a1b2c3d4e5')], outputs: true })],
    ['a service and, added later, a role', (s: Stack) => new AssumableRole(s, 'R', { trust: [Trust.service('lambda')], outputs: true })
      .addTrust(Trust.role(`arn:aws:iam::${PARTNER}:role/ops`))],
    ['a verbatim statement of an account (JSON)', (s: Stack) => new AssumableRole(s, 'R', {
      trust: [Trust.fromPolicyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] })],
      outputs: true,
    })],
    ['a catalog role of kind cross-account', (s: Stack) => RoleCatalog.fromObject(s, 'C', { roles: [{ name: 'r', kind: 'cross-account', trustedAccounts: [PARTNER], outputs: true }] })],
  ])('a role trusted by %s gets the link, once', (_what, build) => {
    expect(switchRoleUrls(build)).toHaveLength(1);
  });

  test.each([
    ['services', (s: Stack) => new ServiceRole(s, 'R', { services: ['lambda'], outputs: true })],
    ['EKS service accounts', (s: Stack) => new IrsaRole(s, 'R', { issuers: [OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/ABC')], serviceAccounts: ['a:b'], outputs: true })],
    ['GitHub Actions', (s: Stack) => new AssumableRole(s, 'R', { trust: [Trust.githubActions({ repository: 'octo-org/app' })], outputs: true })],
    ['SAML users', (s: Stack) => new AssumableRole(s, 'R', { trust: [Trust.saml('arn:{partition}:iam::{account}:saml-provider/okta')], outputs: true })],
    ['a partner with an ExternalId (the console cannot pass one)', (s: Stack) => new CrossAccountRole(s, 'R', { trustedAccounts: [PARTNER], externalIds: ['partner-1'], outputs: true })],
    ['an ExternalId given as a condition of its own', (s: Stack) => new AssumableRole(s, 'R', { trust: [Trust.account(PARTNER).withCondition('StringEquals', 'sts:ExternalId', ['partner-1'])], outputs: true })],
    ['only itself (allowSelfAssume) besides a service', (s: Stack) => new ServiceRole(s, 'R', { services: ['lambda'], allowSelfAssume: true, outputs: true })],
    ['accounts, but outputs not asked for', (s: Stack) => new CrossAccountRole(s, 'R', { trustedAccounts: [PARTNER] })],
  ])('a role trusted by %s gets no link', (_what, build) => {
    expect(switchRoleUrls(build)).toEqual([]);
  });
});

describe('outputs of a pre-created role (iam.Role.customizeRoles)', () => {
  test('the pre-created ARN and name, the switch-role link to that name, and no RoleId (the app does not create the role)', () => {
    const stack = newStack({ env: { account: '123456789012', region: 'us-east-1' } });
    iam.Role.customizeRoles(stack, { usePrecreatedRoles: { 'Stack/Ops/Default': 'ops-admin' } });
    new AssumableRole(stack, 'Ops', { trust: [Trust.account(PARTNER).requireMfa()], outputs: true });
    const outputs = outputsOf(stack);
    expect(Object.keys(outputs).map((id) => id.slice(0, -8)).sort()).toEqual(['OpsRoleArn', 'OpsRoleName', 'OpsSwitchRoleUrl']);
    const [link] = Object.entries<any>(outputs).filter(([id]) => id.startsWith('OpsSwitchRoleUrl')).map(([, o]) => o.Value);
    expect(link).toBe('https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=ops-admin');
  });
});
