/**
 * src/private/lazy-features.ts: an app of roles with the usual trusts does not load the code of
 * the features it does not use (issue 14, cold `cdk synth` time), and using a feature loads it.
 * Run on the compiled package (lib/), in a node process of its own, as `cdk synth` runs an app:
 * the modules it loaded are read from `require.cache`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const LIB = path.join(ROOT, 'lib');
const compiled = fs.existsSync(path.join(LIB, 'index.js')) ? test : test.skip;

/**
 * The modules (under lib/, or a node_modules path) made lazy. A static import that brings one
 * of them back into the app of usual roles fails the test with the module's name.
 */
const LAZY = [
  // Policies given as JSON.
  'trust/policy-json-trust', 'private/policy-input', 'private/json-syntax',
  'private/trust-lifting', 'private/ci-lifting', 'private/pod-identity-lifting',
  // Trust kinds the usual roles do not use.
  'trust/organization-trust', 'private/organization-paths', 'trust/saml-trust', 'private/sign-in',
  'trust/builtin-web-identity-trust', 'private/ci-subjects', 'trust/pod-identity-role-trust', 'private/pod-identity',
  // Role features that are asked for.
  'private/pod-identity-association-input', 'private/pod-identity-admission', 'aws-cdk-lib/aws-eks/index',
  'private/role-outputs', 'private/self-assume', 'private/precreated-report',
  'roles/caller-policy', 'private/caller-actions', 'private/resource-scope',
  'private/handoff/cli-profile', 'private/handoff/kubernetes', 'private/lazy-modules',
  // ajv's grammar validators: only to explain a document that does not conform (src/validation/schema-conformance.ts decides).
  'validation/policy-grammar.generated',
];

/** One role of each kind, with the trusts most apps give them (as bench/scenario-kinds.ts). */
const USUAL_ROLES = `
  const issuer = lib.OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE');
  new lib.ServiceRole(stack, 'Service', {
    services: ['lambda'], restrictToSourceAccount: true, awsManagedPolicyNames: ['service-role/AWSLambdaBasicExecutionRole'],
    inlinePolicies: { Read: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] }) },
  });
  new lib.CrossAccountRole(stack, 'Partner', { trustedAccounts: ['111122223333'], externalIds: ['partner-7d1f'], requireMfa: true });
  new lib.IrsaRole(stack, 'Irsa', { issuers: [issuer], serviceAccounts: ['default:app', 'kube-system:worker'] });
  new lib.BoundedRole(stack, 'Deploy', {
    trust: [lib.Trust.githubActions({ repository: 'my-org/my-repo', branches: ['main'] })],
    permissionsBoundary: lib.PermissionsBoundary.fromName('team-boundary'),
  });
`;

interface Step {
  /** What the step uses. */
  readonly feature: string;
  /** Statements that build roles in `stack` (the usual roles are built first) and return a value. */
  readonly build: string;
  /** An expression of `value` and the stack's `template`, true when the feature worked. */
  readonly works: string;
  /** Modules first loaded by this step. */
  readonly loads: string[];
  /** Modules this step must not load: kinds of trust it only tells apart (their values cannot exist unloaded). */
  readonly loadsNot?: string[];
}

const STEPS: Step[] = [
  {
    feature: 'inlinePolicyJson',
    build: `new lib.ServiceRole(stack, 'R', { services: ['lambda'],
      inlinePolicyJson: { Read: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}' } });`,
    works: 'JSON.stringify(template).includes(\'"PolicyName":"Read"\')',
    loads: ['private/policy-input', 'private/json-syntax'],
  },
  {
    feature: 'outputs',
    build: 'new lib.CrossAccountRole(stack, \'R\', { trustedAccounts: [\'111122223333\'], requireMfa: true, outputs: true });',
    works: 'Object.keys(template.Outputs).some((k) => k.startsWith(\'RSwitchRoleUrl\'))',
    loads: ['private/role-outputs'],
    loadsNot: ['trust/organization-trust', 'trust/policy-json-trust'],
  },
  {
    feature: 'allowSelfAssume',
    build: 'new lib.ServiceRole(stack, \'R\', { services: [\'lambda\'], allowSelfAssume: true });',
    works: 'JSON.stringify(template).includes(\'"PolicyName":"AssumeSelf"\')',
    loads: ['private/self-assume'],
  },
  {
    feature: 'a Pod Identity association',
    build: `new lib.AssumableRole(stack, 'R', { trust: [lib.Trust.eksPodIdentity({ namespaces: ['payments'] })],
      podIdentityAssociations: [{ clusterName: 'prod', namespace: 'payments', serviceAccount: 'api' }] });`,
    works: 'Object.values(template.Resources).some((r) => r.Type === \'AWS::EKS::PodIdentityAssociation\')',
    loads: ['private/pod-identity', 'private/pod-identity-association-input', 'private/pod-identity-admission', 'aws-cdk-lib/aws-eks/index'],
    loadsNot: ['trust/policy-json-trust'],
  },
  {
    feature: 'grantAssumeFrom',
    build: `const role = new lib.CrossAccountRole(stack, 'R', { trustedAccounts: ['111122223333'] });
      return role.grantAssumeFrom(new iam.User(stack, 'U'));`,
    works: 'value instanceof lib.CallerPolicy',
    loads: ['roles/caller-policy'],
  },
  {
    feature: 'cliProfile',
    build: 'return new lib.CrossAccountRole(stack, \'R\', { trustedAccounts: [\'111122223333\'] }).cliProfile({ profileName: \'p\', sourceProfile: \'default\' });',
    works: 'value.startsWith(\'[profile p]\')',
    loads: ['private/handoff/cli-profile'],
  },
  {
    feature: 'serviceAccountManifestYaml',
    build: `const issuer = lib.OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE');
      return new lib.IrsaRole(stack, 'R', { issuers: [issuer], serviceAccounts: ['default:app'] }).serviceAccountManifestYaml('default', 'app');`,
    works: 'value.includes(\'eks.amazonaws.com/role-arn\')',
    loads: ['private/handoff/kubernetes'],
  },
  {
    feature: 'Trust.organization',
    build: 'return lib.Trust.organization(\'o-a1b2c3d4e5\');',
    works: 'value instanceof lib.OrganizationTrust',
    loads: ['trust/organization-trust'],
  },
  {
    feature: 'Trust.saml',
    build: 'new lib.AssumableRole(stack, \'R\', { trust: [lib.Trust.saml(\'arn:{partition}:iam::{account}:saml-provider/okta\')] });',
    works: 'JSON.stringify(template).includes(\'SAML:aud\')',
    loads: ['trust/saml-trust'],
  },
  {
    feature: 'Trust.google',
    build: 'return lib.Trust.google([\'123456789012-abc.apps.googleusercontent.com\']);',
    works: 'value instanceof lib.BuiltinWebIdentityTrust',
    loads: ['trust/builtin-web-identity-trust'],
  },
  {
    feature: 'Trust.gitlabCi',
    build: 'return lib.Trust.gitlabCi({ project: \'my-group/my-project\', branches: [\'main\'] });',
    works: 'value._problems.length === 0',
    loads: ['private/ci-subjects'],
  },
  {
    feature: 'Trust.eksPodIdentityRole',
    build: 'return lib.Trust.eksPodIdentityRole(\'arn:{partition}:iam::111122223333:role/payments-api\');',
    works: 'value instanceof lib.EksPodIdentityRoleTrust',
    loads: ['trust/pod-identity-role-trust'],
  },
  {
    feature: 'a policy that breaks the grammar',
    build: 'return lib.PolicyJson.validate({ Version: \'2012-10-17\', Statement: [{ Effect: \'Allow\', Action: \'s3 GetObject\', Resource: \'*\' }] }, lib.PolicyKind.IDENTITY);',
    works: 'value.length === 1 && value[0].startsWith(\'$.Statement[0].Action: "s3 GetObject"\')',
    loads: ['validation/policy-grammar.generated'],
  },
  {
    feature: 'Trust.fromPolicyJson',
    build: 'return lib.Trust.fromPolicyJson({ Version: \'2012-10-17\', Statement: [{ Effect: \'Allow\', Principal: { Service: \'ec2.amazonaws.com\' }, Action: \'sts:AssumeRole\' }] });',
    works: 'value.liftedTrusts.length === 1 && value.liftedTrusts[0] instanceof lib.ServiceTrust',
    loads: ['trust/policy-json-trust', 'private/trust-lifting'],
  },
];

/** The script: the usual roles, then each step in a new app; what each loaded and whether it worked. */
function script(): string {
  const steps = STEPS.map((s) => `[(stack) => { ${s.build} }, (value, template) => (${s.works})]`);
  return `
    const cdk = require('aws-cdk-lib');
    const iam = require('aws-cdk-lib/aws-iam');
    const lib = require(${JSON.stringify(LIB)});
    // Modules run from lib/packed-modules.js (scripts/pack-lib.js) are not files in require.cache: the pack lists them.
    const pack = ${JSON.stringify(path.join(LIB, 'packed-modules.js'))};
    const loaded = () => Object.keys(require.cache).flatMap((f) => {
      const ours = f.startsWith(${JSON.stringify(LIB + path.sep)}) ? f.slice(${LIB.length + 1}) : undefined;
      const other = f.includes('/node_modules/aws-cdk-lib/aws-eks/') ? f.slice(f.indexOf('aws-cdk-lib/')) : undefined;
      const name = ours ?? other;
      return name ? [name.replace(/\\.js$/, '')] : [];
    }).concat(require.cache[pack] ? require(pack).loaded() : []);
    const synth = (build) => {
      const app = new cdk.App();
      const stack = new cdk.Stack(app, 'S');
      const value = build(stack);
      return { value, template: app.synth().getStackByName('S').template };
    };
    synth((stack) => { ${USUAL_ROLES} });
    const usual = loaded();
    const steps = [${steps.join(',\n')}].map(([build, works]) => {
      const before = new Set(loaded());
      const { value, template } = synth(build);
      return { works: works(value, template) === true, loads: loaded().filter((m) => !before.has(m)) };
    });
    process.stdout.write(JSON.stringify({ usual, steps }));`;
}

describe('the features of src/private/lazy-features.ts', () => {
  let result: { usual: string[]; steps: Array<{ works: boolean; loads: string[] }> };
  beforeAll(() => {
    if (fs.existsSync(path.join(LIB, 'index.js'))) {
      result = JSON.parse(execFileSync(process.execPath, ['-e', script()], { encoding: 'utf8', env: { ...process.env, AWS_REGION: 'us-east-1' } }));
    }
  });

  compiled('an app of the four kinds with their usual trusts loads none of them', () => {
    expect(result.usual).toContain('roles/bounded-role');
    expect(LAZY.filter((m) => result.usual.includes(m))).toEqual([]);
  });

  compiled.each(STEPS.map((s, i) => [s.feature, i]))('%s loads its modules and works', (_feature, i) => {
    const step = STEPS[i as number];
    expect(result.steps[i as number].works).toBe(true);
    expect(result.steps[i as number].loads).toEqual(expect.arrayContaining(step.loads));
    expect(result.steps[i as number].loads.filter((m) => step.loadsNot?.includes(m))).toEqual([]);
  });
});
