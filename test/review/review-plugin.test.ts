import * as fs from 'fs';
import * as path from 'path';
import { App, PolicyValidationPluginReportBeta1, Stack, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ReviewFailureLevel, ReviewFormat, RoleChecks, RoleReviewPlugin, RoleReviewPluginProps } from '../../src';
import { policySize } from '../../src/validation/limits';
import { useTempAssemblies, useTempDirectories } from '../support/assemblies';

const PREFIX = 'cdk-assumable-roles:';
const ENV = { account: '123456789012', region: 'us-east-1' };
const synth = useTempAssemblies();
const tempDirectory = useTempDirectories();

/**
 * The app of most tests, stack `Prod`: `Open` trusts any principal (an error), `Partner` trusts
 * another account's root without a guard (a warning) and may do anything through its default
 * policy (a warning), `Acked` has the same warning acknowledged, `Safe` is a Lambda role.
 */
function riskyApp(app: App, options: { open?: boolean } = {}): void {
  const stack = new Stack(app, 'Prod', { env: ENV });
  if (options.open ?? true) {
    new iam.Role(stack, 'Open', { assumedBy: new iam.AnyPrincipal() });
  }
  const partner = new iam.Role(stack, 'Partner', { assumedBy: new iam.AccountPrincipal('111122223333') });
  partner.addToPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
  const acked = new iam.Role(stack, 'Acked', { assumedBy: new iam.AccountPrincipal('444455556666') });
  RoleChecks.acknowledge(acked, 'CrossAccountWithoutGuard', 'the partner cannot send an ExternalId');
  new iam.Role(stack, 'Safe', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}

/** The full paths of the templates of an assembly directory, as CDK gives them to plugins. */
function templatePaths(outdir: string): string[] {
  return fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json')).map((f) => path.join(outdir, f));
}

/** The logical ID of the role at `Prod/<id>` in the `Prod` template of an assembly. */
function logicalIdOf(outdir: string, id: string, type = 'AWS::IAM::Role'): string {
  const template = JSON.parse(fs.readFileSync(path.join(outdir, 'Prod.template.json'), 'utf-8'));
  const found = Object.entries<any>(template.Resources).filter(([logicalId, r]) => r.Type === type && logicalId.startsWith(id));
  expect(found).toHaveLength(1);
  return found[0][0];
}

function validate(build: (app: App) => void, props?: RoleReviewPluginProps): { report: PolicyValidationPluginReportBeta1; outdir: string } {
  const outdir = synth(build);
  return { report: new RoleReviewPlugin(props).validate({ templatePaths: templatePaths(outdir) }), outdir };
}

const rules = (report: PolicyValidationPluginReportBeta1) => report.violations.map((v) => v.ruleName);

/**
 * What a synth with the plugin prints (standard output and error, in order: CDK moves its lines
 * from one to the other across versions) and leaves: CDK sets `process.exitCode` when it fails.
 */
function synthWithPlugin(build: (app: App) => void, props: RoleReviewPluginProps = {}, context: { [key: string]: any } = {}) {
  const printed: string[] = [];
  const capture = (...args: any[]) => void printed.push(args.join(' '));
  const log = jest.spyOn(console, 'log').mockImplementation(capture);
  const error = jest.spyOn(console, 'error').mockImplementation(capture);
  const exitCode = process.exitCode;
  try {
    const outdir = synth(build, { policyValidationBeta1: [new RoleReviewPlugin(props)], context });
    return { outdir, exitCode: process.exitCode, output: printed.join('\n') };
  } finally {
    process.exitCode = exitCode;
    log.mockRestore();
    error.mockRestore();
  }
}

/** Lets the files the plugin writes after validation be written. */
const afterValidation = () => new Promise((resolve) => setImmediate(resolve));

describe('RoleReviewPlugin.validate', () => {
  // Findings that do not fail the synth are listed on standard error: tested at synthesis.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => jest.restoreAllMocks());

  test('names itself, its version from package.json and every check as a rule', () => {
    const plugin = new RoleReviewPlugin();
    expect(plugin.name).toBe('cdk-assumable-roles');
    expect(plugin.version).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8')).version);
    expect(plugin.ruleIds).toEqual(RoleChecks.describeChecks().map((c) => c.id));
    expect(plugin.ruleIds).toContain(`${PREFIX}TrustAnyPrincipal`);
  });

  test('a plain iam.Role trusting any principal is an error violation at its trust statement, and fails', () => {
    const { report, outdir } = validate(riskyApp);
    expect(report.success).toBe(false);
    const violation = report.violations.find((v) => v.ruleName === `${PREFIX}TrustAnyPrincipal`)!;
    expect(violation).toEqual({
      ruleName: `${PREFIX}TrustAnyPrincipal`,
      description: RoleChecks.describeChecks().find((c) => c.id === `${PREFIX}TrustAnyPrincipal`)!.trigger,
      fix: expect.stringMatching(/^Trust named accounts or roles instead/),
      severity: 'error',
      violatingResources: [{
        resourceLogicalId: logicalIdOf(outdir, 'Open'),
        templatePath: path.join(outdir, 'Prod.template.json'),
        locations: ['Properties/AssumeRolePolicyDocument/Statement/0'],
      }],
      ruleMetadata: { 'Prod/Open': 'trust statement 0 allows any AWS principal ("*") with no condition' },
    });
  });

  test('warnings are violations of their own rules, in the order of the checks; the metadata counts roles and findings', () => {
    const { report } = validate(riskyApp);
    expect(rules(report)).toEqual([`${PREFIX}TrustAnyPrincipal`, `${PREFIX}CrossAccountWithoutGuard`, `${PREFIX}PolicyAllowsEverything`]);
    expect(report.violations.map((v) => v.severity)).toEqual(['error', 'warning', 'warning']);
    expect(report.metadata).toEqual({ roles: '4', openFindings: '3', acknowledgedFindings: '1', failOn: 'error' });
    expect(report.pluginVersion).toBe(new RoleReviewPlugin().version);
  });

  test('an acknowledged finding is no violation, and the safe role gives none', () => {
    const { report, outdir } = validate(riskyApp);
    const cross = report.violations.find((v) => v.ruleName === `${PREFIX}CrossAccountWithoutGuard`)!;
    expect(cross.violatingResources.map((r) => r.resourceLogicalId)).toEqual([logicalIdOf(outdir, 'Partner')]);
    expect(Object.keys(cross.ruleMetadata!)).toEqual(['Prod/Partner']);
    const named = report.violations.flatMap((v) => v.violatingResources.map((r) => r.resourceLogicalId));
    expect(named).not.toContain(logicalIdOf(outdir, 'Acked'));
    expect(named).not.toContain(logicalIdOf(outdir, 'Safe'));
  });

  test('an app of safe roles only succeeds with no violation', () => {
    const { report } = validate((app) => {
      const stack = new Stack(app, 'Prod', { env: ENV });
      new iam.Role(stack, 'Safe', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      new iam.Role(stack, 'Named', { assumedBy: new iam.ArnPrincipal('arn:aws:iam::111122223333:role/deployer') });
    });
    expect(report).toMatchObject({ success: true, violations: [] });
    expect(report.metadata).toMatchObject({ roles: '2', openFindings: '0' });
  });

  test('one violation per rule names every role it found, each once', () => {
    const { report, outdir } = validate((app) => {
      const stack = new Stack(app, 'Prod', { env: ENV });
      new iam.Role(stack, 'PartnerA', { assumedBy: new iam.AccountPrincipal('111122223333') });
      const b = new iam.Role(stack, 'PartnerB', { assumedBy: new iam.AccountPrincipal('111122223333') });
      b.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ principals: [new iam.AccountPrincipal('444455556666')], actions: ['sts:AssumeRole'] }));
    });
    expect(rules(report)).toEqual([`${PREFIX}CrossAccountWithoutGuard`]);
    const [violation] = report.violations;
    expect(violation.violatingResources).toEqual([
      { resourceLogicalId: logicalIdOf(outdir, 'PartnerA'), templatePath: path.join(outdir, 'Prod.template.json'), locations: ['Properties/AssumeRolePolicyDocument/Statement/0'] },
      { resourceLogicalId: logicalIdOf(outdir, 'PartnerB'), templatePath: path.join(outdir, 'Prod.template.json'), locations: ['Properties/AssumeRolePolicyDocument/Statement/0', 'Properties/AssumeRolePolicyDocument/Statement/1'] },
    ]);
    expect(violation.ruleMetadata!['Prod/PartnerB']).toMatch(/^trust statement 0 .*111122223333.*; trust statement 1 .*444455556666/);
  });

  test('permission findings point at the inline policy, the managed policy ARNs or the attached policy resource', () => {
    const { report, outdir } = validate((app) => {
      const stack = new Stack(app, 'Prod', { env: ENV });
      const everything = new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })] });
      new iam.Role(stack, 'Inline', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), inlinePolicies: { all: everything } });
      new iam.Role(stack, 'Managed', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
      });
      const attached = new iam.Role(stack, 'Attached', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      attached.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
      attached.addToPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
    });
    const violation = report.violations.find((v) => v.ruleName === `${PREFIX}PolicyAllowsEverything`)!;
    const template = path.join(outdir, 'Prod.template.json');
    expect(violation.violatingResources).toEqual([
      { resourceLogicalId: logicalIdOf(outdir, 'Inline'), templatePath: template, locations: ['Properties/Policies/0/PolicyDocument/Statement/0'] },
      { resourceLogicalId: logicalIdOf(outdir, 'Managed'), templatePath: template, locations: ['Properties/ManagedPolicyArns'] },
      { resourceLogicalId: logicalIdOf(outdir, 'AttachedDefaultPolicy', 'AWS::IAM::Policy'), templatePath: template, locations: ['Properties/PolicyDocument/Statement/1'] },
    ]);
    expect(violation.ruleMetadata).toEqual({
      'Prod/Inline': 'policy all statement 0 allows "*" on "*"',
      'Prod/Managed': 'managed policy arn:aws:iam::aws:policy/AdministratorAccess allows "*" on "*"',
      'Prod/Attached': 'policy Prod/Attached/DefaultPolicy statement 1 allows "*" on "*"',
    });
  });

  test('failOn chooses the levels that fail: warnings with WARNING, nothing with NEVER', () => {
    const warningsOnly = (app: App) => riskyApp(app, { open: false });
    expect(validate(warningsOnly).report.success).toBe(true);
    expect(validate(warningsOnly, { failOn: ReviewFailureLevel.WARNING }).report.success).toBe(false);
    const never = validate(riskyApp, { failOn: ReviewFailureLevel.NEVER }).report;
    expect(never.success).toBe(true);
    expect(rules(never)).toHaveLength(3);
    expect(never.metadata!.failOn).toBe('never');
  });

  test('failOn INFO fails on an info finding; ERROR does not', () => {
    const serviceRole = (app: App) => {
      const stack = new Stack(app, 'Prod', { env: ENV });
      new iam.Role(stack, 'Machine', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com') });
    };
    const info = validate(serviceRole, { failOn: ReviewFailureLevel.INFO }).report;
    expect(info).toMatchObject({ success: false, violations: [{ ruleName: `${PREFIX}ServiceWithoutSourceGuard`, severity: 'info' }] });
    expect(validate(serviceRole).report.success).toBe(true);
  });

  test('trustPolicySizeQuota is the quota of TrustPolicyNearQuota', () => {
    const lambdaRole = (app: App) => new iam.Role(new Stack(app, 'Prod', { env: ENV }), 'Safe', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const outdir = synth(lambdaRole);
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'Prod.template.json'), 'utf-8'));
    const size = policySize(template.Resources[logicalIdOf(outdir, 'Safe')].Properties.AssumeRolePolicyDocument);
    const near = new RoleReviewPlugin({ trustPolicySizeQuota: Math.ceil(size / 0.95) }).validate({ templatePaths: templatePaths(outdir) });
    expect(near).toMatchObject({ success: true, violations: [{ ruleName: `${PREFIX}TrustPolicyNearQuota`, severity: 'warning' }] });
    expect(new RoleReviewPlugin().validate({ templatePaths: templatePaths(outdir) }).violations).toEqual([]);
  });

  test('a template that cannot be read is named in the metadata', () => {
    const dir = tempDirectory();
    const report = new RoleReviewPlugin().validate({ templatePaths: [path.join(dir, 'Gone.template.json')] });
    expect(report).toMatchObject({ success: true, violations: [] });
    expect(report.metadata!.unreadStacks).toBe(`Gone (${path.join(dir, 'Gone.template.json')}): the template file is missing: its roles are not in this review`);
  });
});

describe('RoleReviewPlugin at synthesis', () => {
  test('an error fails the synth: CDK prints every violation of the plugin and sets the exit code', () => {
    const { output, exitCode } = synthWithPlugin(riskyApp);
    expect(exitCode).toBe(1);
    expect(output).toContain('Validation failed. See the validation report above for details');
    expect(output).toMatch(/Plugin: cdk-assumable-roles\s+║\n║\s+Version: \S+\s+║\n║\s+Status: failure/);
    expect(output).toContain(`${PREFIX}TrustAnyPrincipal (1 occurrences)`);
    expect(output).toContain(`${PREFIX}CrossAccountWithoutGuard (1 occurrences)`);
    expect(output).toContain('    - Construct Path: Prod/Open/Resource');
    expect(output).toContain('      > Properties/AssumeRolePolicyDocument/Statement/0');
    expect(output).toContain('\tProd/Open: trust statement 0 allows any AWS principal ("*") with no condition');
    expect(output).not.toContain('Prod/Acked');
  });

  test('warnings only: the synth succeeds, CDK prints no violation and the plugin lists the findings itself', () => {
    const { output, exitCode } = synthWithPlugin((app) => riskyApp(app, { open: false }));
    expect(exitCode).toBeUndefined();
    expect(output).not.toContain('Validation failed');
    expect(output).not.toContain('(Violations)');
    expect(output).toContain([
      'cdk-assumable-roles: 2 findings not failing the synth (failOn: error):',
      `  [warning] ${PREFIX}CrossAccountWithoutGuard Prod/Partner: trust statement 0 trusts the whole account 111122223333 (arn:aws:iam::111122223333:root) without ExternalId, principal ARN, organization or MFA condition`,
      `  [warning] ${PREFIX}PolicyAllowsEverything Prod/Partner: policy Prod/Partner/DefaultPolicy statement 0 allows "*" on "*"`,
    ].join('\n'));
  });

  test('CDK\'s JSON validation report holds the violations with their construct paths', () => {
    const { outdir, output, exitCode } = synthWithPlugin(riskyApp, {}, { '@aws-cdk/core:validationReportJson': true });
    expect(exitCode).toBe(1);
    const file = path.join(outdir, 'policy-validation-report.json');
    expect(output).toContain(`Validation failed. See the validation report in '${file}' for details`);
    const [plugin] = JSON.parse(fs.readFileSync(file, 'utf-8')).pluginReports;
    expect(plugin.summary).toEqual({
      pluginName: 'cdk-assumable-roles',
      status: 'failure',
      metadata: { roles: '4', openFindings: '3', acknowledgedFindings: '1', failOn: 'error' },
    });
    expect(plugin.violations.map((v: any) => [v.ruleName, v.violatingConstructs.map((c: any) => c.constructPath)])).toEqual([
      [`${PREFIX}TrustAnyPrincipal`, ['Prod/Open/Resource']],
      [`${PREFIX}CrossAccountWithoutGuard`, ['Prod/Partner/Resource']],
      [`${PREFIX}PolicyAllowsEverything`, ['Prod/Partner/DefaultPolicy/Resource']],
    ]);
  });

  test('reportFormats: the review files are written into the assembly directory once validation is over', async () => {
    const exitListeners = process.listenerCount('exit');
    const { outdir } = synthWithPlugin(riskyApp, { reportFormats: [ReviewFormat.MARKDOWN, ReviewFormat.JSON, ReviewFormat.MERMAID] });
    await afterValidation();
    expect(process.listenerCount('exit')).toBe(exitListeners);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'role-review.json'), 'utf-8'));
    expect(json.summary.roles).toBe(4);
    expect(json.summary.findings).toEqual({ error: 1, warning: 2, info: 0, acknowledged: 1 });
    expect(json.roles.map((r: any) => r.path)).toEqual(['Prod/Open', 'Prod/Partner', 'Prod/Acked', 'Prod/Safe']);
    expect(fs.readFileSync(path.join(outdir, 'role-review.md'), 'utf-8')).toBeTruthy();
    expect(fs.readFileSync(path.join(outdir, 'role-review.mmd'), 'utf-8')).toBeTruthy();
  });

  test('no report file unless asked; only the formats asked for', async () => {
    const none = synthWithPlugin(riskyApp).outdir;
    const json = synthWithPlugin(riskyApp, { reportFormats: [ReviewFormat.JSON] }).outdir;
    await afterValidation();
    expect(fs.readdirSync(none).filter((f) => f.startsWith('role-review'))).toEqual([]);
    expect(fs.readdirSync(json).filter((f) => f.startsWith('role-review'))).toEqual(['role-review.json']);
  });

  test('stages: every role of the app is reviewed, and the files go into the root assembly directory', async () => {
    const { outdir, output } = synthWithPlugin((app) => {
      const stage = new Stage(app, 'Beta', { env: ENV });
      new iam.Role(new Stack(stage, 'Service'), 'Open', { assumedBy: new iam.AnyPrincipal() });
      new iam.Role(new Stack(app, 'Tools', { env: ENV }), 'Partner', { assumedBy: new iam.AccountPrincipal('111122223333') });
    }, { reportFormats: [ReviewFormat.JSON] });
    await afterValidation();
    expect(output).toContain('    - Construct Path: Beta/Service/Open/Resource');
    expect(output).toContain('    - Construct Path: Tools/Partner/Resource');
    expect(fs.readdirSync(path.join(outdir, 'assembly-Beta')).filter((f) => f.startsWith('role-review'))).toEqual([]);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'role-review.json'), 'utf-8'));
    expect(json.roles.map((r: any) => r.path).sort()).toEqual(['Beta/Service/Open', 'Tools/Partner']);
  });

  test('an app whose stacks are all in a stage still gets its files in the root assembly directory', async () => {
    const { outdir } = synthWithPlugin((app) => {
      new iam.Role(new Stack(new Stage(app, 'Beta', { env: ENV }), 'Service'), 'Safe', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    }, { reportFormats: [ReviewFormat.JSON] });
    await afterValidation();
    expect(JSON.parse(fs.readFileSync(path.join(outdir, 'role-review.json'), 'utf-8')).summary.roles).toBe(1);
  });

  test('an assembly removed before the files are written: the plugin says so and does not throw', async () => {
    const { outdir } = synthWithPlugin(riskyApp, { reportFormats: [ReviewFormat.JSON] });
    fs.rmSync(outdir, { recursive: true, force: true });
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await afterValidation();
      expect(error).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^cdk-assumable-roles: the review could not be written into ${outdir}: ENOENT`)));
    } finally {
      error.mockRestore();
    }
  });
});
