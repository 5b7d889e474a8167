/**
 * The trust diff (src/review/review-diff.ts, ReviewDiff): two versions of an app are synthesized,
 * reviewed from their cloud assemblies, and compared both ways, so that each widening is checked
 * with the narrowing that undoes it. Roles of this library and plain `iam.Role`s alike.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, BoundedRole, CrossAccountRole, CrossAccountRoleProps, PermissionsBoundary, ReviewDiff, ReviewFormat, RoleReview, Trust } from '../../src';
import { conditionEffect } from '../../src/review/review-diff';
import { PartyCondition } from '../../src/review/trusted-party';
import { useTempAssemblies } from '../support/assemblies';
import { stringParameter } from '../support/stacks';

const synth = useTempAssemblies();

/** Builds the roles of one version of the app in its stack `PlatformRoles`. */
type Build = (stack: Stack) => void;

function review(build: Build): RoleReview {
  return RoleReview.fromAssembly(synth((app) => build(new Stack(app, 'PlatformRoles'))));
}

/** The changes as `effect change: role: sentence`. */
function changes(older: RoleReview, newer: RoleReview): string[] {
  return ReviewDiff.between(older, newer)._changes.map((c) => `${c.effect} ${c.change}: ${c.role}: ${c.sentence}`);
}

/** The changes from `before` to `after`, and back. */
function bothWays(before: Build, after: Build): { forward: string[]; back: string[] } {
  const [older, newer] = [review(before), review(after)];
  return { forward: changes(older, newer), back: changes(newer, older) };
}

function partner(props: Partial<CrossAccountRoleProps> = {}): Build {
  return (s) => {
    new CrossAccountRole(s, 'PartnerReadOnly', { trustedAccounts: ['111122223333'], awsManagedPolicyNames: ['ReadOnlyAccess'], ...props });
  };
}

const UNGUARDED_1111 = 'CrossAccountWithoutGuard (warning): trust statement 0 trusts the whole account 111122223333 (arn:aws:iam::111122223333:root) without ExternalId, principal ARN, organization or MFA condition';

describe('ReviewDiff between two versions of an app', () => {
  test('identical assemblies: no change, nothing widened', () => {
    const build: Build = (s) => {
      partner({ externalIds: ['partner-7d1f3a'] })(s);
      new iam.Role(s, 'Ops', { assumedBy: new iam.AccountPrincipal('444455556666') });
    };
    const diff = ReviewDiff.between(review(build), review(build));
    expect(diff.changeCount).toBe(0);
    expect(diff.widened).toBe(false);
    expect(diff.render(ReviewFormat.MARKDOWN)).toBe('## Trust diff\n\nNo changes: the same roles, trusted parties, conditions, policies and findings.\n');
  });

  test('ExternalId removed widens (and a finding is new); added narrows (and the finding is fixed)', () => {
    const { forward, back } = bothWays(partner({ externalIds: ['partner-7d1f3a'] }), partner());
    expect(forward).toEqual([
      'widens condition-removed: PlatformRoles/PartnerReadOnly: account 111122223333 (root): ExternalId partner-7d1f3a removed',
      `neutral finding-new: PlatformRoles/PartnerReadOnly: new finding ${UNGUARDED_1111}`,
    ]);
    expect(back).toEqual([
      'narrows condition-added: PlatformRoles/PartnerReadOnly: account 111122223333 (root): ExternalId partner-7d1f3a added',
      `neutral finding-fixed: PlatformRoles/PartnerReadOnly: finding fixed: ${UNGUARDED_1111}`,
    ]);
  });

  test('an account added widens; removed narrows', () => {
    const { forward, back } = bothWays(
      partner({ externalIds: ['partner-x'] }),
      partner({ externalIds: ['partner-x'], trustedAccounts: ['111122223333', '444455556666'] }),
    );
    expect(forward).toEqual(['widens party-added: PlatformRoles/PartnerReadOnly: new trusted party: account 444455556666 (root) with ExternalId partner-x']);
    expect(back).toEqual(['narrows party-removed: PlatformRoles/PartnerReadOnly: trusted party removed: account 444455556666 (root) with ExternalId partner-x']);
  });

  test('GitHub Actions: branch main -> any branch widens; back narrows', () => {
    const github = (branches: string[]): Build => (s) => {
      new AssumableRole(s, 'Deployer', { trust: [Trust.githubActions({ repository: 'acme/app', branches })] });
    };
    const { forward, back } = bothWays(github(['main']), github(['*']));
    expect(forward).toEqual(['widens condition-changed: PlatformRoles/Deployer: GitHub Actions: repository acme/app, branch main: branch main -> any branch']);
    expect(back).toEqual(['narrows condition-changed: PlatformRoles/Deployer: GitHub Actions: repository acme/app, any branch: any branch -> branch main']);
  });

  test('MFA dropped widens; added narrows: a plain iam.Role, and a CrossAccountRole with an MFA age', () => {
    const auditor = (mfa: boolean): Build => (s) => {
      const account = new iam.AccountPrincipal('111122223333');
      new iam.Role(s, 'Auditor', { assumedBy: mfa ? account.withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) : account });
    };
    const plain = bothWays(auditor(true), auditor(false));
    expect(plain.forward).toEqual([
      'widens condition-removed: PlatformRoles/Auditor: account 111122223333 (root): MFA removed',
      `neutral finding-new: PlatformRoles/Auditor: new finding ${UNGUARDED_1111}`,
    ]);
    expect(plain.back).toEqual([
      'narrows condition-added: PlatformRoles/Auditor: account 111122223333 (root): MFA added',
      `neutral finding-fixed: PlatformRoles/Auditor: finding fixed: ${UNGUARDED_1111}`,
    ]);

    const ours = bothWays(partner({ externalIds: ['partner-x'], mfaMaxAge: Duration.hours(1) }), partner({ externalIds: ['partner-x'] }));
    expect(ours.forward).toEqual(['widens condition-removed: PlatformRoles/PartnerReadOnly: account 111122223333 (root): MFA within 1 h removed']);
    expect(ours.back).toEqual(['narrows condition-added: PlatformRoles/PartnerReadOnly: account 111122223333 (root): MFA within 1 h added']);
  });

  test('MFA age raised widens; lowered narrows', () => {
    const { forward, back } = bothWays(partner({ externalIds: ['partner-x'], mfaMaxAge: Duration.hours(1) }), partner({ externalIds: ['partner-x'], mfaMaxAge: Duration.hours(8) }));
    expect(forward).toEqual(['widens condition-changed: PlatformRoles/PartnerReadOnly: account 111122223333 (root): MFA within 1 h -> MFA within 8 h']);
    expect(back).toEqual(['narrows condition-changed: PlatformRoles/PartnerReadOnly: account 111122223333 (root): MFA within 8 h -> MFA within 1 h']);
  });

  test('permissions boundary removed widens, added narrows (iam.Role); replaced by another widens (BoundedRole)', () => {
    const ops = (bounded: boolean): Build => (s) => {
      const permissionsBoundary = bounded ? iam.ManagedPolicy.fromManagedPolicyName(s, 'Boundary', 'ops-boundary') : undefined;
      new iam.Role(s, 'Ops', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'), permissionsBoundary });
    };
    const { forward, back } = bothWays(ops(true), ops(false));
    expect(forward).toEqual(['widens boundary-removed: PlatformRoles/Ops: permissions boundary removed (was arn:{partition}:iam::{account}:policy/ops-boundary)']);
    expect(back).toEqual(['narrows boundary-added: PlatformRoles/Ops: permissions boundary added: arn:{partition}:iam::{account}:policy/ops-boundary']);

    const team = (boundary: string): Build => (s) => {
      new BoundedRole(s, 'Team', { trust: [Trust.service('lambda')], permissionsBoundary: PermissionsBoundary.fromName(boundary) });
    };
    expect(bothWays(team('team-boundary'), team('team-boundary-v2')).forward).toEqual([
      'widens boundary-changed: PlatformRoles/Team: permissions boundary changed: arn:{partition}:iam::{account}:policy/team-boundary -> arn:{partition}:iam::{account}:policy/team-boundary-v2 (the review cannot compare what the two allow)',
    ]);
  });

  test('new admin access: AdministratorAccess (managed) and an inline "*" on "*" are named as such; taking them away narrows', () => {
    const roles = (admin: boolean): Build => (s) => {
      new iam.Role(s, 'Ops', {
        assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(admin ? 'AdministratorAccess' : 'ReadOnlyAccess')],
      });
      new AssumableRole(s, 'Builder', {
        trust: [Trust.service('codebuild')],
        inlinePolicyJson: { Build: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: admin ? '*' : ['s3:GetObject', 'logs:*'], Resource: '*' }] } },
      });
    };
    const { forward, back } = bothWays(roles(false), roles(true));
    expect(forward).toEqual([
      'widens managed-policy-added: PlatformRoles/Ops: managed policy added: AWS managed AdministratorAccess (allows every action on every resource)',
      'neutral managed-policy-removed: PlatformRoles/Ops: managed policy removed: AWS managed ReadOnlyAccess (no less access: the role still allows every action on every resource)',
      'neutral finding-new: PlatformRoles/Ops: new finding PolicyAllowsEverything (warning): managed policy arn:aws:iam::aws:policy/AdministratorAccess allows "*" on "*"',
      'widens policy-allows-everything: PlatformRoles/Builder: inline policy Build now allows every action on every resource',
      'neutral finding-new: PlatformRoles/Builder: new finding PolicyAllowsEverything (warning): policy Build statement 0 allows "*" on "*"',
    ]);
    expect(back).toEqual([
      'neutral managed-policy-added: PlatformRoles/Ops: managed policy added: AWS managed ReadOnlyAccess (no new access: the role already allows every action on every resource)',
      'narrows managed-policy-removed: PlatformRoles/Ops: managed policy removed: AWS managed AdministratorAccess (allows every action on every resource)',
      'neutral finding-fixed: PlatformRoles/Ops: finding fixed: PolicyAllowsEverything (warning): managed policy arn:aws:iam::aws:policy/AdministratorAccess allows "*" on "*"',
      'narrows policy-no-longer-allows-everything: PlatformRoles/Builder: inline policy Build no longer allows every action on every resource',
      'neutral finding-fixed: PlatformRoles/Builder: finding fixed: PolicyAllowsEverything (warning): policy Build statement 0 allows "*" on "*"',
    ]);
  });

  test('inline policy actions added widen (wildcards named), removed narrow; actions a pattern already covered are no change', () => {
    const worker = (actions: string[]): Build => (s) => {
      const role = new iam.Role(s, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(new iam.PolicyStatement({ actions, resources: ['arn:aws:s3:::reports/*'] }));
    };
    const { forward, back } = bothWays(worker(['s3:GetObject', 's3:List*']), worker(['s3:GetObject', 's3:ListBucket', 's3:Put*']));
    expect(forward).toEqual([
      'widens policy-action-added: PlatformRoles/Worker: policy PlatformRoles/Worker/DefaultPolicy: action added: s3:Put* (wildcard)',
      'narrows policy-action-removed: PlatformRoles/Worker: policy PlatformRoles/Worker/DefaultPolicy: action removed: s3:List* (wildcard)',
    ]);
    expect(back).toEqual([
      'widens policy-action-added: PlatformRoles/Worker: policy PlatformRoles/Worker/DefaultPolicy: action added: s3:List* (wildcard)',
      'narrows policy-action-removed: PlatformRoles/Worker: policy PlatformRoles/Worker/DefaultPolicy: action removed: s3:Put* (wildcard)',
    ]);
  });

  test('roles added (widens when someone may assume it) and removed (narrows)', () => {
    const { forward, back } = bothWays(
      (s) => {
        new iam.Role(s, 'OldRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      },
      (s) => {
        new iam.Role(s, 'BreakGlass', {
          assumedBy: new iam.AccountPrincipal('111122223333').withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
          managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
        });
        new iam.CfnRole(s, 'Nobody', {
          assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] },
        });
      },
    );
    expect(forward).toEqual([
      'widens role-added: PlatformRoles/BreakGlass: role added, assumable by account 111122223333 (root) with MFA; allows every action on every resource',
      'neutral finding-new: PlatformRoles/BreakGlass: new finding PolicyAllowsEverything (warning): managed policy arn:aws:iam::aws:policy/AdministratorAccess allows "*" on "*"',
      'neutral role-added: PlatformRoles/Nobody: role added, assumable by no one',
      'narrows role-removed: PlatformRoles/OldRole: role removed (was assumable by Lambda functions (lambda.amazonaws.com))',
    ]);
    expect(back).toEqual([
      'widens role-added: PlatformRoles/OldRole: role added, assumable by Lambda functions (lambda.amazonaws.com)',
      'narrows role-removed: PlatformRoles/BreakGlass: role removed (was assumable by account 111122223333 (root) with MFA; allows every action on every resource)',
      'neutral role-removed: PlatformRoles/Nobody: role removed (was assumable by no one)',
    ]);
  });

  test('maximum session raised widens; lowered narrows', () => {
    const ops = (hours: number): Build => (s) => {
      new iam.Role(s, 'Ops', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'), maxSessionDuration: Duration.hours(hours) });
    };
    const { forward, back } = bothWays(ops(1), ops(12));
    expect(forward).toEqual(['widens max-session-raised: PlatformRoles/Ops: maximum session 1 h -> 12 h']);
    expect(back).toEqual(['narrows max-session-lowered: PlatformRoles/Ops: maximum session 12 h -> 1 h']);
  });

  test('only narrowings: widened is false', () => {
    const before: Build = (s) => {
      partner({ trustedAccounts: ['111122223333', '444455556666'] })(s);
      new AssumableRole(s, 'Deployer', { trust: [Trust.githubActions({ repository: 'acme/app', branches: ['*'] })] });
      new iam.Role(s, 'Ops', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    };
    const after: Build = (s) => {
      partner({ externalIds: ['partner-7d1f3a'], requireMfa: true })(s);
      new AssumableRole(s, 'Deployer', { trust: [Trust.githubActions({ repository: 'acme/app', branches: ['main'] })] });
      new iam.Role(s, 'Ops', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'), permissionsBoundary: iam.ManagedPolicy.fromManagedPolicyName(s, 'Boundary', 'ops-boundary') });
    };
    const diff = ReviewDiff.between(review(before), review(after));
    expect(diff.widened).toBe(false);
    expect(diff._changes.map((c) => `${c.effect} ${c.change}: ${c.role}: ${c.sentence}`)).toEqual([
      'narrows condition-added: PlatformRoles/PartnerReadOnly: account 111122223333 (root): ExternalId partner-7d1f3a added',
      'narrows condition-added: PlatformRoles/PartnerReadOnly: account 111122223333 (root): MFA added',
      'narrows party-removed: PlatformRoles/PartnerReadOnly: trusted party removed: account 444455556666 (root)',
      `neutral finding-fixed: PlatformRoles/PartnerReadOnly: finding fixed: ${UNGUARDED_1111}`,
      'neutral finding-fixed: PlatformRoles/PartnerReadOnly: finding fixed: CrossAccountWithoutGuard (warning): trust statement 0 trusts the whole account 444455556666 (arn:aws:iam::444455556666:root) without ExternalId, principal ARN, organization or MFA condition',
      'narrows condition-changed: PlatformRoles/Deployer: GitHub Actions: repository acme/app, any branch: any branch -> branch main',
      'narrows boundary-added: PlatformRoles/Ops: permissions boundary added: arn:{partition}:iam::{account}:policy/ops-boundary',
    ]);
  });

  test('several statements for one principal: the statement with the same conditions is paired first', () => {
    const vendor = (externalIds: string[]): Build => (s) => {
      const role = new iam.Role(s, 'Vendor', { assumedBy: new iam.AccountPrincipal('111122223333').withConditions({ StringEquals: { 'sts:ExternalId': externalIds[0] } }) });
      for (const id of externalIds.slice(1)) {
        role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
          actions: ['sts:AssumeRole'],
          principals: [new iam.AccountPrincipal('111122223333')],
          conditions: { StringEquals: { 'sts:ExternalId': id } },
        }));
      }
    };
    // Not "ExternalId vendor-a -> vendor-b" on the first statement and vendor-b removed from the second.
    const { forward, back } = bothWays(vendor(['vendor-a', 'vendor-b']), vendor(['vendor-b']));
    expect(forward).toEqual(['narrows party-removed: PlatformRoles/Vendor: trusted party removed: account 111122223333 (root) with ExternalId vendor-a']);
    expect(back).toEqual(['widens party-added: PlatformRoles/Vendor: new trusted party: account 111122223333 (root) with ExternalId vendor-a']);
  });

  test('a role moved in the tree with its logical ID kept is the same role, matched by stack and logical ID', () => {
    const older = review((s) => {
      new iam.Role(s, 'Deployer', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    });
    const logicalId = older._model.roles[0].logicalId;
    const newer = review((s) => {
      const role = new iam.Role(s, 'CiDeployer', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'), roleName: 'ci-deployer' });
      (role.node.defaultChild as iam.CfnRole).overrideLogicalId(logicalId);
    });
    expect(changes(older, newer)).toEqual([
      'neutral role-moved: PlatformRoles/CiDeployer: moved from PlatformRoles/Deployer (the same stack and logical ID: the same role in AWS)',
      'neutral role-renamed: PlatformRoles/CiDeployer: role name (generated) -> ci-deployer: CloudFormation replaces the role, and ARNs that name it must follow',
    ]);
  });

  test('a trust policy that becomes a deploy-time value widens: the review can no longer say who may assume the role', () => {
    const { forward, back } = bothWays(
      (s) => {
        new iam.CfnRole(s, 'Raw', { assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] } });
      },
      (s) => {
        new iam.CfnRole(s, 'Raw', { assumeRolePolicyDocument: stringParameter(s, 'TrustPolicy') });
      },
    );
    const unreadable = 'the trust policy is a deploy-time value (<TrustPolicy>), which only CloudFormation resolves';
    expect(forward.filter((c) => !c.includes('PolicyGrammar'))).toEqual([`widens trust-unreadable: PlatformRoles/Raw: trust policy cannot be read any more: ${unreadable}`]);
    expect(back.filter((c) => !c.includes('PolicyGrammar'))).toEqual([
      `widens trust-readable: PlatformRoles/Raw: trust policy can be read now (was: ${unreadable}): assumable by EC2 instances (ec2.amazonaws.com)`,
    ]);
  });

  test('a stack that cannot be read any more widens, and its roles are not reported removed', () => {
    const app = (): string => synth((a) => {
      new iam.Role(new Stack(a, 'PlatformRoles'), 'Ops', { assumedBy: new iam.AccountPrincipal('111122223333') });
      new iam.Role(new Stack(a, 'Other'), 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    });
    const older = app();
    const newer = app();
    fs.writeFileSync(path.join(newer, 'PlatformRoles.template.json'), '{');
    const diff = ReviewDiff.between(RoleReview.fromAssembly(older), RoleReview.fromAssembly(newer));
    expect(diff.widened).toBe(true);
    expect(diff.render(ReviewFormat.MARKDOWN)).toBe([
      '## Trust diff',
      '',
      '**Widens access.** 1 change in 1 stack: 1 widens access.',
      '',
      '### stack PlatformRoles (widens access)',
      '',
      '| Effect | Change |',
      '| --- | --- |',
      "| **widens** | stack cannot be read any more, so its roles are not compared: the template is not valid JSON (Expected property name or '}' in JSON at position 1): its roles are not in this review |",
      '',
    ].join('\n'));
  });
});

describe('ReviewDiff rendered', () => {
  const before = partner({ externalIds: ['partner-7d1f3a'], trustedAccounts: ['111122223333', '444455556666'] });
  const after: Build = (s) => {
    partner()(s);
    new iam.Role(s, 'Break|Glass', {
      assumedBy: new iam.AccountPrincipal('111122223333').withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
  };

  test('Markdown: a summary line, then a table per role, the roles and changes that widen access first', () => {
    const diff = ReviewDiff.between(review(after), review(before));
    expect(diff.render(ReviewFormat.MARKDOWN)).toBe(`## Trust diff

**Widens access.** 4 changes in 2 roles: 1 widens access, 2 narrow it, 1 neutral.

### PlatformRoles/PartnerReadOnly (widens access)

| Effect | Change |
| --- | --- |
| **widens** | new trusted party: account 444455556666 (root) with ExternalId partner-7d1f3a |
| narrows | account 111122223333 (root): ExternalId partner-7d1f3a added |
| neutral | finding fixed: ${UNGUARDED_1111} |

### PlatformRoles/Break\\|Glass

| Effect | Change |
| --- | --- |
| narrows | role removed (was assumable by account 111122223333 (root) with MFA; allows every action on every resource) |
`);
  });

  test('JSON: widened, a summary, and every change with its role, kind, effect, sentence and the values before and after', () => {
    const diff = ReviewDiff.between(review(before), review(after));
    expect(diff.widened).toBe(true);
    expect(diff.changeCount).toBe(5);
    expect(JSON.parse(diff.render(ReviewFormat.JSON))).toEqual({
      schemaVersion: 1,
      widened: true,
      summary: { changes: 5, roles: 2, stacks: 0, widens: 2, narrows: 1, neutral: 2 },
      changes: [
        {
          role: 'PlatformRoles/PartnerReadOnly',
          change: 'condition-removed',
          effect: 'widens',
          sentence: 'account 111122223333 (root): ExternalId partner-7d1f3a removed',
          before: 'StringEquals sts:ExternalId partner-7d1f3a',
        },
        {
          role: 'PlatformRoles/PartnerReadOnly',
          change: 'party-removed',
          effect: 'narrows',
          sentence: 'trusted party removed: account 444455556666 (root) with ExternalId partner-7d1f3a',
          before: 'account 444455556666 (root) with ExternalId partner-7d1f3a',
        },
        {
          role: 'PlatformRoles/PartnerReadOnly',
          change: 'finding-new',
          effect: 'neutral',
          sentence: `new finding ${UNGUARDED_1111}`,
          after: 'cdk-assumable-roles:CrossAccountWithoutGuard: trust statement 0 trusts the whole account 111122223333 (arn:aws:iam::111122223333:root) without ExternalId, principal ARN, organization or MFA condition',
        },
        {
          role: 'PlatformRoles/Break|Glass',
          change: 'role-added',
          effect: 'widens',
          sentence: 'role added, assumable by account 111122223333 (root) with MFA; allows every action on every resource',
          after: 'PlatformRoles/Break|Glass',
        },
        {
          role: 'PlatformRoles/Break|Glass',
          change: 'finding-new',
          effect: 'neutral',
          sentence: 'new finding PolicyAllowsEverything (warning): managed policy arn:aws:iam::aws:policy/AdministratorAccess allows "*" on "*"',
          after: 'cdk-assumable-roles:PolicyAllowsEverything: managed policy arn:aws:iam::aws:policy/AdministratorAccess allows "*" on "*"',
        },
      ],
    });
  });

  test('Mermaid is for the review, not the diff: a clear error', () => {
    const diff = ReviewDiff.between(review(before), review(after));
    expect(() => diff.render(ReviewFormat.MERMAID)).toThrow(
      'The trust diff has no Mermaid form: Mermaid draws the trust graph of one review. Render the diff as MARKDOWN or JSON, and each review as MERMAID.',
    );
  });
});

describe('conditionEffect', () => {
  const SUB = 'token.actions.githubusercontent.com:sub';
  const condition = (operator: string, values: string[], key = SUB): PartyCondition => ({ operator, key, values, words: '', narrowsWho: false });

  test.each([
    ['a pattern instead of a value', condition('StringEquals', ['repo:a/b:ref:refs/heads/main']), condition('StringLike', ['repo:a/b:ref:refs/heads/*']), 'widens'],
    ['a value instead of a pattern', condition('StringLike', ['repo:a/b:*']), condition('StringEquals', ['repo:a/b:ref:refs/heads/main']), 'narrows'],
    ['StringLike instead of StringEquals, no wildcard', condition('StringEquals', ['repo:a/b:pull_request']), condition('StringLike', ['repo:a/b:pull_request']), 'neutral'],
    ['StringEquals of a "*" (literal) to StringLike', condition('StringEquals', ['repo:a/b:*']), condition('StringLike', ['repo:a/b:*']), 'widens'],
    ['a value more', condition('StringEquals', ['a']), condition('StringEquals', ['a', 'b']), 'widens'],
    ['a value fewer', condition('StringEquals', ['a', 'b']), condition('StringEquals', ['b']), 'narrows'],
    ['another value (someone new)', condition('StringEquals', ['a']), condition('StringEquals', ['b']), 'widens'],
    ['"?" to "*"', condition('StringLike', ['a?c']), condition('StringLike', ['a*c']), 'widens'],
    ['"*" to "?"', condition('StringLike', ['a*c']), condition('StringLike', ['a?c']), 'narrows'],
    ['IfExists added', condition('StringEquals', ['a']), condition('StringEqualsIfExists', ['a']), 'widens'],
    ['IfExists removed', condition('StringEqualsIfExists', ['a']), condition('StringEquals', ['a']), 'narrows'],
    ['an exclusion fewer', condition('StringNotEquals', ['a', 'b']), condition('StringNotEquals', ['a']), 'widens'],
    ['an exclusion more', condition('StringNotEquals', ['a']), condition('StringNotEquals', ['a', 'b']), 'narrows'],
    ['ignoring case', condition('StringEquals', ['main']), condition('StringEqualsIgnoreCase', ['main']), 'widens'],
    ['no longer ignoring case', condition('StringEqualsIgnoreCase', ['main']), condition('StringEquals', ['main']), 'narrows'],
    ['ArnLike pattern to one ARN', condition('ArnLike', ['arn:aws:iam::111122223333:role/ci-*'], 'aws:PrincipalArn'), condition('ArnEquals', ['arn:aws:iam::111122223333:role/ci-main'], 'aws:PrincipalArn'), 'narrows'],
    ['MFA age longer', condition('NumericLessThanEquals', ['3600'], 'aws:MultiFactorAuthAge'), condition('NumericLessThanEquals', ['28800'], 'aws:MultiFactorAuthAge'), 'widens'],
    ['MFA age bound inclusive', condition('NumericLessThan', ['3600'], 'aws:MultiFactorAuthAge'), condition('NumericLessThanEquals', ['3600'], 'aws:MultiFactorAuthAge'), 'widens'],
    ['a lower "greater than" bound', condition('NumericGreaterThan', ['10'], 'k'), condition('NumericGreaterThan', ['5'], 'k'), 'widens'],
    ['a later "date less than"', condition('DateLessThan', ['2025-01-01T00:00:00Z'], 'aws:CurrentTime'), condition('DateLessThan', ['2024-01-01T00:00:00Z'], 'aws:CurrentTime'), 'narrows'],
    ['Bool true to false', condition('Bool', ['true'], 'aws:SecureTransport'), condition('Bool', ['false'], 'aws:SecureTransport'), 'widens'],
    ['a deploy-time bound (cannot tell)', condition('NumericLessThan', ['3600'], 'k'), condition('NumericLessThan', ['{Ref MaxAge}'], 'k'), 'widens'],
    ['another set operator (cannot tell)', condition('ForAnyValue:StringEquals', ['a']), condition('ForAllValues:StringEquals', ['a']), 'widens'],
    ['another kind of operator (cannot tell)', condition('StringEquals', ['a']), condition('IpAddress', ['a']), 'widens'],
  ])('%s', (_name, before, after, effect) => {
    expect(conditionEffect(before, after)).toBe(effect);
  });
});
