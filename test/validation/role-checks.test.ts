import { Annotations as CoreAnnotations, App, Aspects, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { accountIds, checkedStack, expectFinding, expectNoFinding, findingMessages, Level, plainRole, PREFIX, roleWithTrustSize } from './validation-support';
import { AssumableRole, CrossAccountRole, IrsaRole, OidcIssuer, RoleChecks, ServiceRole, Trust } from '../../src';
import { HOME, RISKY, SAFE } from './corpus/trust-policies';
import { ROLE_CHECKS } from '../../src/validation/checks';
import { RoleFacts } from '../../src/validation/role-check';
import { newApp, newStack } from '../support/stacks';

const OTHER = '111122223333';
const ASSUME = 'sts:AssumeRole';
const GITHUB_ISSUER = OidcIssuer.githubActions();
const EKS_ISSUER = OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE');

describe('RoleChecks.describeChecks', () => {
  const checks = RoleChecks.describeChecks();

  test('lists every check with its id and level, in the order findings are reported', () => {
    expect(checks.map((c) => [c.id, c.level])).toEqual([
      [`${PREFIX}PolicyGrammar`, 'error'],
      [`${PREFIX}TrustAnyPrincipal`, 'error'],
      [`${PREFIX}AllowWithNotPrincipal`, 'error'],
      [`${PREFIX}TrustActionMismatch`, 'error'],
      [`${PREFIX}OidcWithoutSubject`, 'error'],
      [`${PREFIX}OidcWithoutAudience`, 'error'],
      [`${PREFIX}OidcSubjectTooBroad`, 'warning'],
      [`${PREFIX}OidcSubjectLookAlike`, 'warning'],
      [`${PREFIX}CognitoUnauthenticatedAccess`, 'warning'],
      [`${PREFIX}WildcardInExactOperator`, 'warning'],
      [`${PREFIX}CrossAccountWithoutGuard`, 'warning'],
      [`${PREFIX}ServiceWithoutSourceGuard`, 'info'],
      [`${PREFIX}PolicyAllowsEverything`, 'warning'],
      [`${PREFIX}PassRoleOnAnyRole`, 'warning'],
      [`${PREFIX}TrustPolicyNearQuota`, 'warning'],
      [`${PREFIX}TrustCycle`, 'warning'],
      [`${PREFIX}TrustCircularReference`, 'error'],
    ]);
  });

  test('every check documents what triggers it and how to fix it', () => {
    for (const check of checks) {
      expect(check.trigger.length).toBeGreaterThan(20);
      expect(check.fix.length).toBeGreaterThan(10);
    }
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });
});

/**
 * One scenario that triggers each check and one that does not, for a role at `/Stack/Role`.
 * Each scenario gets a fresh stack to which `RoleChecks` is applied (for plain roles).
 */
const SCENARIOS: Record<string, { trigger: (stack: Stack) => void; clean: (stack: Stack) => void }> = {
  PolicyGrammar: {
    trigger: (s) => new AssumableRole(s, 'Role', { trust: [Trust.account(OTHER).withExternalId('partner-1').withCondition('StringEqual', 'aws:PrincipalTag/team', ['ops'])] }),
    clean: (s) => new AssumableRole(s, 'Role', { trust: [Trust.account(OTHER).withExternalId('partner-1').withCondition('StringEquals', 'aws:PrincipalTag/team', ['ops'])] }),
  },
  TrustAnyPrincipal: {
    trigger: (s) => plainRole(s, [{ Effect: 'Allow', Principal: '*', Action: ASSUME }]),
    clean: (s) => plainRole(s, [{ Effect: 'Allow', Principal: '*', Action: ASSUME, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }]),
  },
  AllowWithNotPrincipal: {
    trigger: (s) => plainRole(s, [{ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ASSUME }]),
    clean: (s) => plainRole(s, [{ Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ASSUME }]),
  },
  TrustActionMismatch: {
    trigger: (s) => plainRole(s, [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${OTHER}:saml-provider/okta` }, Action: ASSUME }]),
    clean: (s) => new AssumableRole(s, 'Role', { trust: [Trust.saml(`arn:aws:iam::${OTHER}:saml-provider/okta`)] }),
  },
  OidcWithoutSubject: {
    trigger: (s) => plainRole(s, [{
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${OTHER}:oidc-provider/token.actions.githubusercontent.com` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
    }]),
    clean: (s) => new AssumableRole(s, 'Role', { trust: [Trust.githubActions({ repository: 'octo-org/app', branches: ['main'] })] }),
  },
  OidcWithoutAudience: {
    trigger: (s) => plainRole(s, [{
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${OTHER}:oidc-provider/token.actions.githubusercontent.com` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:*' } },
    }]),
    clean: (s) => new AssumableRole(s, 'Role', { trust: [Trust.githubActions({ repository: 'octo-org/app' })] }),
  },
  OidcSubjectTooBroad: {
    trigger: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: ['*:*'] }),
    clean: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: ['payments:*'] }),
  },
  WildcardInExactOperator: {
    trigger: (s) => new AssumableRole(s, 'Role', { trust: [Trust.account(OTHER).withCondition('StringEquals', 'aws:PrincipalArn', [`arn:aws:iam::${OTHER}:role/ci-*`])] }),
    clean: (s) => new AssumableRole(s, 'Role', { trust: [Trust.account(OTHER).withPrincipalArn(`arn:aws:iam::${OTHER}:role/ci-*`)] }),
  },
  CrossAccountWithoutGuard: {
    trigger: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER] }),
    clean: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER], externalIds: ['partner-1234'] }),
  },
  ServiceWithoutSourceGuard: {
    trigger: (s) => new ServiceRole(s, 'Role', { services: ['states'] }),
    clean: (s) => new ServiceRole(s, 'Role', { services: ['states'], restrictToSourceAccount: true }),
  },
  PolicyAllowsEverything: {
    trigger: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], awsManagedPolicyNames: ['AdministratorAccess'] }),
    clean: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], awsManagedPolicyNames: ['ReadOnlyAccess'] }),
  },
  PassRoleOnAnyRole: {
    trigger: (s) => new ServiceRole(s, 'Role', { services: ['lambda'] }).addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] })),
    clean: (s) => new ServiceRole(s, 'Role', { services: ['lambda'] }).addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [`arn:aws:iam::${OTHER}:role/app`] })),
  },
  TrustPolicyNearQuota: {
    // Accounts in one statement, about 40 characters each: 44 make about 1,925 characters
    // of 2,048 (trigger), 40 about 1,765 (clean).
    trigger: (s) => new AssumableRole(s, 'Role', { trust: [Trust.accounts(accountIds(44)).withExternalId('partner-1')] }),
    clean: (s) => new AssumableRole(s, 'Role', { trust: [Trust.accounts(accountIds(40)).withExternalId('partner-1')] }),
  },
  TrustCycle: {
    trigger: (s) => {
      new AssumableRole(s, 'Role', { roleName: 'role-a', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-b')] });
      new AssumableRole(s, 'Other', { roleName: 'role-b', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-a')] });
    },
    clean: (s) => {
      new AssumableRole(s, 'Role', { roleName: 'role-a', trust: [Trust.service('lambda')] });
      new AssumableRole(s, 'Other', { roleName: 'role-b', trust: [Trust.role('arn:{partition}:iam::{account}:role/role-a')] });
    },
  },
  TrustCircularReference: {
    trigger: (s) => {
      const role = new AssumableRole(s, 'Role', { trust: [Trust.service('lambda')] });
      const other = new AssumableRole(s, 'Other', { trust: [Trust.role(role.roleArn)] });
      role.addTrust(Trust.role(other.roleArn));
    },
    clean: (s) => {
      const role = new AssumableRole(s, 'Role', { trust: [Trust.service('lambda')] });
      new AssumableRole(s, 'Other', { trust: [Trust.role(role.roleArn)] });
    },
  },
  OidcSubjectLookAlike: {
    trigger: (s) => new AssumableRole(s, 'Role', { trust: [Trust.openIdConnect(GITHUB_ISSUER, { subjects: ['repo:example-org/billing*'] })] }),
    clean: (s) => new AssumableRole(s, 'Role', { trust: [Trust.openIdConnect(GITHUB_ISSUER, { subjects: ['repo:example-org/billing:*'] })] }),
  },
  CognitoUnauthenticatedAccess: {
    trigger: (s) => new AssumableRole(s, 'Role', { trust: [Trust.cognitoIdentityPool('us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', { unauthenticated: true })] }),
    clean: (s) => new AssumableRole(s, 'Role', { trust: [Trust.cognitoIdentityPool('us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')] }),
  },
};

describe.each(RoleChecks.describeChecks().map((c) => [c.id.slice(PREFIX.length), c.level as Level] as const))('%s (%s)', (id, level) => {
  const scenario = SCENARIOS[id];

  test('has a scenario', () => {
    expect(scenario).toBeDefined();
  });

  test('is reported at the role when triggered', () => {
    const stack = checkedStack();
    scenario.trigger(stack);
    expectFinding(stack, id, level);
  });

  test('is not reported when not triggered', () => {
    const stack = checkedStack();
    scenario.clean(stack);
    expectNoFinding(stack, id, level);
  });
});

describe('where the checks run', () => {
  const anyPrincipal = { Effect: 'Allow', Principal: '*', Action: ASSUME };

  test('the library\'s constructs are checked without any aspect', () => {
    const stack = newStack();
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    expectFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('plain iam.Roles are not checked without the aspect', () => {
    const stack = newStack();
    plainRole(stack, [anyPrincipal]);
    expectNoFinding(stack, 'TrustAnyPrincipal', 'error');
  });

  test('plain iam.Roles are checked when the aspect is applied to the app', () => {
    const app = newApp();
    const stack = newStack({ app });
    plainRole(stack, [anyPrincipal]);
    Aspects.of(app).add(new RoleChecks());
    expectFinding(stack, 'TrustAnyPrincipal', 'error');
  });

  test('plain iam.Roles are checked when the aspect is applied to the stack', () => {
    const stack = newStack();
    plainRole(stack, [anyPrincipal]);
    Aspects.of(stack).add(new RoleChecks());
    expectFinding(stack, 'TrustAnyPrincipal', 'error');
  });

  test('plain iam.Roles inside other constructs are found', () => {
    const stack = checkedStack();
    const role = plainRole(stack, [anyPrincipal], 'Nested');
    expect(role.node.path).toBe('Stack/Nested');
    expectFinding(stack, 'TrustAnyPrincipal', 'error', '/Stack/Nested');
  });

  test('findings are reported at the construct the user made, not at the CfnRole', () => {
    const stack = checkedStack();
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    plainRole(stack, [{ Effect: 'Allow', Principal: { AWS: OTHER }, Action: ASSUME }], 'Plain');
    expect(findingMessages(stack, 'CrossAccountWithoutGuard', 'warning').map((m) => m.path)).toEqual(['/Stack/Role', '/Stack/Plain']);
  });

  test('a library role is reported once when the aspect is also applied to the app and the stack', () => {
    const app = newApp();
    const stack = newStack({ app });
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    Aspects.of(app).add(new RoleChecks());
    Aspects.of(stack).add(new RoleChecks());
    expect(findingMessages(stack, 'CrossAccountWithoutGuard', 'warning')).toHaveLength(1);
  });

  test('a plain role is reported once when two aspects apply', () => {
    const app = newApp();
    const stack = newStack({ app });
    plainRole(stack, [anyPrincipal]);
    Aspects.of(app).add(new RoleChecks());
    Aspects.of(stack).add(new RoleChecks());
    expect(findingMessages(stack, 'TrustAnyPrincipal', 'error')).toHaveLength(1);
  });

  test('synthesizing twice does not report twice', () => {
    const stack = newStack();
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    expect(findingMessages(stack, 'CrossAccountWithoutGuard', 'warning')).toHaveLength(1);
    expect(findingMessages(stack, 'CrossAccountWithoutGuard', 'warning')).toHaveLength(1);
  });

  test('roles of a nested stack are checked with the nested stack\'s template', () => {
    const app = newApp();
    const parent = newStack({ app, id: 'Parent' });
    const nested = new NestedStack(parent, 'Nested');
    new CrossAccountRole(nested, 'Role', { trustedAccounts: [OTHER] });
    plainRole(nested, [anyPrincipal], 'Plain');
    Aspects.of(nested).add(new RoleChecks());
    const messages = app.synth().getStackByName(parent.stackName).messages.map((m) => `${m.id} ${m.entry.data}`);
    expect(messages.filter((m) => m.includes('CrossAccountWithoutGuard')).map((m) => m.split(' ')[0])).toEqual(['/Parent/Nested/Role']);
    expect(messages.filter((m) => m.includes('TrustAnyPrincipal')).map((m) => m.split(' ')[0])).toEqual(['/Parent/Nested/Plain']);
  });

  test('roles of a stage are checked when the stage is synthesized with the app', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    const stack = new Stack(stage, 'Ops');
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    app.synth();
    expect(findingMessages(stack, 'CrossAccountWithoutGuard', 'warning').map((m) => m.path)).toEqual(['/Prod/Ops/Role']);
  });

  test('a role added after a synthesis is checked in the next one, the others again', () => {
    const app = newApp();
    const stack = newStack({ app });
    new CrossAccountRole(stack, 'First', { trustedAccounts: [OTHER] });
    expect(app.synth().getStackByName(stack.stackName).messages).toHaveLength(1);
    new CrossAccountRole(stack, 'Second', { trustedAccounts: [OTHER] });
    const again = app.synth({ force: true }).getStackByName(stack.stackName).messages;
    expect(again.map((m) => m.id).sort()).toEqual(['/Stack/First', '/Stack/Second']);
  });

  test('apps synthesized in turn are each checked on their own roles (what a synthesis keeps is dropped at the next one)', () => {
    // One app's role model and kept properties are replaced by the next synthesis's
    // (src/validation/app-roles.ts, captured-value.ts); going back to the first app rebuilds them.
    const first = newApp();
    const firstStack = newStack({ app: first });
    new CrossAccountRole(firstStack, 'Role', { trustedAccounts: [OTHER] });
    const second = newApp();
    const secondStack = newStack({ app: second });
    new CrossAccountRole(secondStack, 'Role', { trustedAccounts: [OTHER], externalIds: ['partner-1234'] });
    new CrossAccountRole(secondStack, 'Open', { trustedAccounts: [OTHER] });
    const warned = (app: App, stack: Stack) => app.synth({ force: true }).getStackByName(stack.stackName).messages
      .filter((m) => String(m.entry.data).includes('CrossAccountWithoutGuard')).map((m) => m.id);
    expect(warned(first, firstStack)).toEqual(['/Stack/Role']);
    expect(warned(second, secondStack)).toEqual(['/Stack/Open']);
    expect(warned(first, firstStack)).toEqual(['/Stack/Role']);
  });

  test('skipping validation skips the checks and the size limits, as it skips CDK\'s validations', () => {
    const role = roleWithTrustSize(2100);
    const app = role.node.root as App;
    new CrossAccountRole(role.stack, 'Unguarded', { trustedAccounts: [OTHER] });
    const assembly = app.synth({ skipValidation: true });
    expect(assembly.getStackByName(role.stack.stackName).messages).toEqual([]);
  });

  test('the checks add nothing to the template', () => {
    const stack = newStack();
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    const template = Template.fromStack(stack).toJSON();
    expect(Object.keys(template.Resources)).toEqual([expect.stringMatching(/^Role/)]);
    expect(Object.keys(template).sort()).toEqual(['Parameters', 'Resources', 'Rules'].filter((k) => k in template).sort());
  });

  test('the quota a library role was given wins over the aspect\'s', () => {
    const role = roleWithTrustSize(1900, { trustPolicySizeQuota: 4096 });
    Aspects.of(role.stack).add(new RoleChecks({ trustPolicySizeQuota: 2048 }));
    expectNoFinding(role.stack, 'TrustPolicyNearQuota', 'warning');
  });

  test('errors carry no acknowledgement tag, warnings do', () => {
    const stack = checkedStack();
    plainRole(stack, [anyPrincipal, { Effect: 'Allow', Principal: { AWS: OTHER }, Action: ASSUME }]);
    expect(findingMessages(stack, 'TrustAnyPrincipal', 'error')[0].message).not.toContain('[ack:');
    expect(findingMessages(stack, 'CrossAccountWithoutGuard', 'warning')[0].message).toMatch(/ \[ack: cdk-assumable-roles:CrossAccountWithoutGuard\]$/);
  });
});

describe('acknowledging findings', () => {
  test('RoleChecks.acknowledge removes a warning and keeps the reason in the metadata', () => {
    const stack = newStack();
    const role = new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    RoleChecks.acknowledge(role, 'CrossAccountWithoutGuard', 'the partner cannot send an ExternalId');
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
    expect(role.node.metadata.filter((m) => m.type === 'cdk-assumable-roles:acknowledge').map((m) => m.data)).toEqual([
      { id: `${PREFIX}CrossAccountWithoutGuard`, reason: 'the partner cannot send an ExternalId' },
    ]);
  });

  test('the id may be given with its prefix', () => {
    const stack = newStack();
    const role = new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    RoleChecks.acknowledge(role, `${PREFIX}CrossAccountWithoutGuard`, 'accepted');
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('only the acknowledged id is removed', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.account(OTHER), Trust.service('states')] });
    RoleChecks.acknowledge(role, 'CrossAccountWithoutGuard', 'accepted');
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
    expectFinding(stack, 'ServiceWithoutSourceGuard', 'info');
  });

  test('works for errors', () => {
    const stack = checkedStack();
    const role = plainRole(stack, [{ Effect: 'Allow', Principal: '*', Action: ASSUME }]);
    RoleChecks.acknowledge(role, 'TrustAnyPrincipal', 'public role by design, guarded by the session policy');
    expectNoFinding(stack, 'TrustAnyPrincipal', 'error');
  });

  test('works for infos', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', { services: ['states'] });
    RoleChecks.acknowledge(role, 'ServiceWithoutSourceGuard', 'the state machine is in this account');
    expectNoFinding(stack, 'ServiceWithoutSourceGuard', 'info');
  });

  test('acknowledging at the stack covers every role below it', () => {
    const stack = newStack();
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    new CrossAccountRole(stack, 'Other', { trustedAccounts: ['444455556666'] });
    RoleChecks.acknowledge(stack, 'CrossAccountWithoutGuard', 'sandbox stack');
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('acknowledging on one role leaves another role\'s finding', () => {
    const stack = newStack();
    const role = new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    new CrossAccountRole(stack, 'Other', { trustedAccounts: ['444455556666'] });
    RoleChecks.acknowledge(role, 'CrossAccountWithoutGuard', 'accepted');
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning', '/Stack/Role');
    expectFinding(stack, 'CrossAccountWithoutGuard', 'warning', '/Stack/Other');
  });

  test('Annotations.of(stack).acknowledgeWarning removes the warning of a role in it', () => {
    const stack = newStack();
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER] });
    CoreAnnotations.of(stack).acknowledgeWarning(`${PREFIX}CrossAccountWithoutGuard`, 'sandbox stack');
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('Annotations.of(stack).acknowledgeWarning removes it for plain roles too', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { AWS: OTHER }, Action: ASSUME }]);
    CoreAnnotations.of(stack).acknowledgeWarning(`${PREFIX}CrossAccountWithoutGuard`);
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('acknowledging a warning id does not hide an unrelated warning', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.account(OTHER)], awsManagedPolicyNames: ['AdministratorAccess'] });
    CoreAnnotations.of(stack).acknowledgeWarning(`${PREFIX}CrossAccountWithoutGuard`);
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
    expectFinding(stack, 'PolicyAllowsEverything', 'warning');
  });
});

describe('findings do not fail synthesis by themselves', () => {
  test('an error finding is an annotation, not an exception', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: '*', Action: ASSUME }]);
    expect(() => Annotations.fromStack(stack)).not.toThrow();
    Annotations.fromStack(stack).hasError('/Stack/Role', Match.stringLikeRegexp(`${PREFIX}TrustAnyPrincipal`));
  });
});

describe('roles whose documents are equal', () => {
  // The checks that read only a role's documents run once per distinct content, and their
  // messages are kept across syntheses in one process (src/validation/role-checks.ts); each role
  // must still get its own findings.
  test('each role gets its own finding', () => {
    const stack = newStack();
    for (const id of ['A', 'B', 'C']) new CrossAccountRole(stack, id, { trustedAccounts: [OTHER] });
    expect(findingMessages(stack, 'CrossAccountWithoutGuard', 'warning').map((m) => m.path)).toEqual(['/Stack/A', '/Stack/B', '/Stack/C']);
  });

  test('acknowledging one leaves the others', () => {
    const stack = newStack();
    const a = new CrossAccountRole(stack, 'A', { trustedAccounts: [OTHER] });
    new CrossAccountRole(stack, 'B', { trustedAccounts: [OTHER] });
    RoleChecks.acknowledge(a, 'CrossAccountWithoutGuard', 'accepted');
    expect(findingMessages(stack, 'CrossAccountWithoutGuard', 'warning').map((m) => m.path)).toEqual(['/Stack/B']);
  });

  test('a later synthesis in the same process finds the same, at its own roles (messages are shared across syntheses)', () => {
    const first = newStack();
    new CrossAccountRole(first, 'A', { trustedAccounts: [OTHER] });
    const second = newStack();
    new CrossAccountRole(second, 'A', { trustedAccounts: [OTHER] });
    new CrossAccountRole(second, 'B', { trustedAccounts: [OTHER] });
    const warnings = (stack: Stack) => findingMessages(stack, 'CrossAccountWithoutGuard', 'warning');
    expect(warnings(first).map((m) => m.path)).toEqual(['/Stack/A']);
    expect(warnings(second).map((m) => m.path)).toEqual(['/Stack/A', '/Stack/B']);
    expect(warnings(second)[0].message).toEqual(warnings(first)[0].message);
  });

  test('an acknowledgement in one app does not carry over to an app synthesized after it', () => {
    const first = newStack();
    RoleChecks.acknowledge(new CrossAccountRole(first, 'A', { trustedAccounts: [OTHER] }), 'CrossAccountWithoutGuard', 'accepted');
    expect(findingMessages(first, 'CrossAccountWithoutGuard', 'warning')).toEqual([]);
    const second = newStack();
    new CrossAccountRole(second, 'A', { trustedAccounts: [OTHER] });
    expect(findingMessages(second, 'CrossAccountWithoutGuard', 'warning').map((m) => m.path)).toEqual(['/Stack/A']);
  });

  test('the stack\'s account is part of what is compared: the same trust is cross-account in one stack only', () => {
    const app = newApp();
    const home = new Stack(app, 'Home', { env: { account: OTHER, region: 'us-east-1' } });
    const away = new Stack(app, 'Away', { env: { account: '444455556666', region: 'us-east-1' } });
    new CrossAccountRole(home, 'Role', { trustedAccounts: [OTHER] });
    new CrossAccountRole(away, 'Role', { trustedAccounts: [OTHER] });
    expect(findingMessages(home, 'CrossAccountWithoutGuard', 'warning')).toEqual([]);
    expect(findingMessages(away, 'CrossAccountWithoutGuard', 'warning').map((m) => m.path)).toEqual(['/Away/Role']);
  });

  test('the quota is part of what is compared', () => {
    const stack = newStack();
    const big = (id: string, quota: number) => new AssumableRole(stack, id, { trust: [Trust.accounts(accountIds(45))], trustPolicySizeQuota: quota });
    big('Default', 2048);
    big('Raised', 4096);
    expect(findingMessages(stack, 'TrustPolicyNearQuota', 'warning').map((m) => m.path)).toEqual(['/Stack/Default']);
  });

  test('the app-level checks still run per role: each role of a trust cycle gets its finding', () => {
    const stack = newStack();
    const names = ['a', 'b'];
    names.forEach((name, i) => new AssumableRole(stack, name.toUpperCase(), {
      roleName: name,
      trust: [Trust.role(`arn:{partition}:iam::{account}:role/${names[1 - i]}`)],
    }));
    const messages = findingMessages(stack, 'TrustCycle', 'warning');
    expect(messages.map((m) => m.path)).toEqual(['/Stack/A', '/Stack/B']);
    expect(messages[0].message).toContain('Stack/A -> Stack/B -> Stack/A');
    expect(messages[1].message).toContain('Stack/A -> Stack/B -> Stack/A');
  });

  test('only the checks marked as reading the app read more than the documents, the stack account and the quota', () => {
    const documents = ['trustPolicy', 'identityPolicies', 'managedPolicyArns', 'stackAccount', 'trustPolicyQuota'];
    for (const entry of [...SAFE, ...RISKY]) {
      const facts = new Proxy({
        trustPolicy: { Version: '2012-10-17', Statement: entry.statements },
        identityPolicies: [{ name: 'Inline', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
        managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        stackAccount: HOME,
        trustPolicyQuota: 2048,
      }, {
        get: (target, key) => {
          if (!documents.includes(String(key))) throw new Error(`a document check read ${String(key)}`);
          return (target as any)[key];
        },
      }) as unknown as RoleFacts;
      for (const check of ROLE_CHECKS.filter((c) => !c.readsTheApp)) {
        expect(() => check.check(facts)).not.toThrow();
      }
    }
    expect(ROLE_CHECKS.filter((c) => c.readsTheApp).map((c) => c.id)).toEqual(['TrustCycle', 'TrustCircularReference']);
  });
});
