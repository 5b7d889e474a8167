/**
 * The review as a CDK policy-validation plugin: `cdk synth` reports the findings of every role
 * of the app in CDK's validation report, and can leave the review in the cloud assembly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, PolicyViolatingResourceBeta1, PolicyViolationBeta1 } from 'aws-cdk-lib';
import { assemblyRoles, resourceLabel, ReviewedRole } from './assembly-roles';
import { AssemblyContent, readTemplates, StackTemplate } from './cloud-assembly';
import { ReviewFinding } from './role-findings';
import { ReviewFormat, RoleReview } from './role-review';
import { RoleChecks } from '../validation/role-checks';

const PLUGIN_NAME = 'cdk-assumable-roles';

/** Which findings fail `cdk synth`. */
export enum ReviewFailureLevel {
  /** Errors fail the synth; warnings and infos are shown. */
  ERROR = 'error',
  /** Errors and warnings fail the synth; infos are shown. */
  WARNING = 'warning',
  /** Every finding not acknowledged fails the synth. */
  INFO = 'info',
  /** No finding fails the synth; all are shown. */
  NEVER = 'never',
}

/** Props of `RoleReviewPlugin`. */
export interface RoleReviewPluginProps {
  /**
   * Which findings fail `cdk synth`. Acknowledged findings (`RoleChecks.acknowledge`) never do.
   *
   * CDK fails a synth by setting the exit code of the Node.js process, which in apps written in
   * Python, Java, .NET or Go is not the app's process: there `cdk synth` prints the failure but
   * exits 0 (aws/aws-cdk#26844). To fail the synth in those languages, add the `RoleChecks`
   * aspect as well (its errors are annotations, which fail `cdk synth` in every language).
   *
   * @default ReviewFailureLevel.ERROR
   */
  readonly failOn?: ReviewFailureLevel;

  /**
   * Formats of the review to write into the cloud assembly directory (`cdk.out`):
   * `role-review.md`, `role-review.json`, `role-review.mmd`.
   *
   * CDK does not let a validation plugin change the assembly while validation runs, so the files
   * are written just after it: when `app.synth()` returns to the event loop, or when the process
   * exits, whichever comes first. `cdk synth` finds them in the assembly; code that calls
   * `app.synth()` itself sees them after `await new Promise((r) => setImmediate(r))`.
   *
   * @default - no file is written
   */
  readonly reportFormats?: ReviewFormat[];

  /**
   * The trust policy size quota of the accounts, for the `TrustPolicyNearQuota` check.
   *
   * @default 2048 (the IAM default)
   */
  readonly trustPolicySizeQuota?: number;
}

/** The file of each format in the assembly directory. */
const REPORT_FILES: { [format: string]: string } = {
  [ReviewFormat.MARKDOWN]: 'role-review.md',
  [ReviewFormat.JSON]: 'role-review.json',
  [ReviewFormat.MERMAID]: 'role-review.mmd',
};

/** The levels that fail the synth, by `ReviewFailureLevel`. */
const FAILING_LEVELS: { [failOn: string]: string[] } = {
  [ReviewFailureLevel.ERROR]: ['error'],
  [ReviewFailureLevel.WARNING]: ['error', 'warning'],
  [ReviewFailureLevel.INFO]: ['error', 'warning', 'info'],
  [ReviewFailureLevel.NEVER]: [],
};

/**
 * Reviews every `AWS::IAM::Role` of the app at `cdk synth` (this library's roles, plain
 * `iam.Role`, `CfnRole`, roles of any other library; with or without the `RoleChecks` aspect)
 * and reports the findings of `RoleChecks` in CDK's policy validation report: one violation per
 * check, naming each role and the place in its template. Acknowledged findings are left out.
 *
 * CDK prints the violations only when the synth fails (by default, on an error); findings that
 * do not fail it are listed by the plugin itself, on standard error.
 *
 * @example
 * const app = new App({
 *   policyValidationBeta1: [new RoleReviewPlugin({ reportFormats: [ReviewFormat.MARKDOWN] })],
 * });
 */
export class RoleReviewPlugin implements IPolicyValidationPluginBeta1 {
  /** The name of the plugin in CDK's validation report: `cdk-assumable-roles`. */
  public readonly name: string = PLUGIN_NAME;

  /**
   * The version of this library, from its package.json. Optional only as in the interface.
   *
   * @default - always set (`0.0.0` when the package.json cannot be read)
   */
  public readonly version?: string;

  /**
   * The ids of every check, e.g. `cdk-assumable-roles:TrustAnyPrincipal`. Optional only as in
   * the interface.
   *
   * @default - always set
   */
  public readonly ruleIds?: string[];

  private readonly failingLevels: string[];
  private readonly failOn: ReviewFailureLevel;
  private readonly reportFormats: ReviewFormat[];
  private readonly trustPolicySizeQuota?: number;

  /**
   * @param props options
   */
  constructor(props: RoleReviewPluginProps = {}) {
    this.failOn = props.failOn ?? ReviewFailureLevel.ERROR;
    this.failingLevels = FAILING_LEVELS[this.failOn];
    this.reportFormats = [...new Set(props.reportFormats ?? [])];
    this.trustPolicySizeQuota = props.trustPolicySizeQuota;
    this.version = packageVersion();
    this.ruleIds = RoleChecks.describeChecks().map((c) => c.id);
  }

  /**
   * Reviews the roles of the templates: called by CDK at synthesis.
   *
   * @param context the templates of the app
   */
  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const content = readTemplates(context.templatePaths);
    const model = assemblyRoles(content, { trustPolicySizeQuota: this.trustPolicySizeQuota });
    const open = model.roles.flatMap((role) => role.findings.filter((f) => f.acknowledged === undefined).map((finding) => ({ role, finding })));
    const success = !open.some(({ finding }) => this.failingLevels.includes(finding.level));

    if (this.reportFormats.length > 0) {
      const review = RoleReview._fromModel(model);
      const directory = rootAssemblyDirectory(context.templatePaths);
      if (directory !== undefined) {
        writeAfterValidation(directory, this.reportFormats.map((format) => ({ file: REPORT_FILES[format], text: review.render(format) })));
      }
    }
    if (success && open.length > 0) {
      console.error([
        `${PLUGIN_NAME}: ${open.length} finding${open.length === 1 ? '' : 's'} not failing the synth (failOn: ${this.failOn}):`,
        ...open.map(({ role, finding }) => `  [${finding.level}] ${finding.id} ${role.label}: ${finding.message}`),
      ].join('\n'));
    }

    const metadata: { [key: string]: string } = {
      roles: String(model.roles.length),
      openFindings: String(open.length),
      acknowledgedFindings: String(model.roles.reduce((n, r) => n + r.findings.filter((f) => f.acknowledged !== undefined).length, 0)),
      failOn: this.failOn,
    };
    if (content.unread.length > 0) {
      metadata.unreadStacks = content.unread.map((u) => `${u.name} (${u.file}): ${u.problem}`).join('; ');
    }
    return {
      success,
      pluginVersion: this.version,
      violations: violations(open, content),
      metadata,
    };
  }
}

/** One violation per check, in the order of the checks, each naming every role it found. */
function violations(open: { role: ReviewedRole; finding: ReviewFinding }[], content: AssemblyContent): PolicyViolationBeta1[] {
  const checks = new Map(RoleChecks.describeChecks().map((c) => [c.id, c]));
  const stacks = new Map(content.stacks.map((s) => [s.templatePath, s]));
  const byRule = new Map<string, { role: ReviewedRole; finding: ReviewFinding }[]>([...checks.keys()].map((id) => [id, []]));
  for (const entry of open) {
    byRule.set(entry.finding.id, [...byRule.get(entry.finding.id) ?? [], entry]);
  }
  return [...byRule.entries()].filter(([, found]) => found.length > 0).map(([id, found]) => {
    const resources = new Map<string, { resourceLogicalId: string; templatePath: string; locations: string[] }>();
    const messages: { [role: string]: string } = {};
    for (const { role, finding } of found) {
      const place = locate(finding.message, role, stacks.get(role.templatePath), content.stacks);
      const key = `${place.templatePath}\u0000${place.resourceLogicalId}`;
      const resource = resources.get(key) ?? { resourceLogicalId: place.resourceLogicalId, templatePath: place.templatePath, locations: [] };
      if (!resource.locations.includes(place.location)) resource.locations.push(place.location);
      resources.set(key, resource);
      messages[role.label] = messages[role.label] === undefined ? finding.message : `${messages[role.label]}; ${finding.message}`;
    }
    return {
      ruleName: id,
      description: checks.get(id)?.trigger ?? found[0].finding.message,
      fix: found[0].finding.fix,
      severity: found[0].finding.level,
      violatingResources: [...resources.values()] as PolicyViolatingResourceBeta1[],
      ruleMetadata: messages,
    };
  });
}

interface Place {
  readonly resourceLogicalId: string;
  readonly templatePath: string;
  readonly location: string;
}

const TRUST_POLICY = 'Properties/AssumeRolePolicyDocument';

/**
 * Where in the templates a finding's message points: the trust policy (`trust statement 2` is
 * `Properties/AssumeRolePolicyDocument/Statement/2`), an inline policy of the role, its managed
 * policy ARNs, or an `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy` resource attached to it.
 */
function locate(message: string, role: ReviewedRole, stack: StackTemplate | undefined, stacks: StackTemplate[]): Place {
  const own = (location: string) => ({ resourceLogicalId: role.logicalId, templatePath: role.templatePath, location });
  const props = stack?.template.Resources?.[role.logicalId]?.Properties ?? {};
  if (message.startsWith('managed policy ')) {
    return own('Properties/ManagedPolicyArns');
  }
  const trust = /^trust statement (\d+)/.exec(message);
  if (trust) {
    return own(statementLocation(TRUST_POLICY, props.AssumeRolePolicyDocument, trust[1]));
  }
  if (!message.startsWith('policy ')) {
    return own(TRUST_POLICY);
  }
  const statement = /^ statement (\d+)/;
  const inline: any[] = Array.isArray(props.Policies) ? props.Policies : [];
  const index = inline.findIndex((p) => message.startsWith(`policy ${String(p?.PolicyName)} `));
  if (index >= 0) {
    const rest = message.slice(`policy ${String(inline[index].PolicyName)}`.length);
    return own(statementLocation(`Properties/Policies/${index}/PolicyDocument`, inline[index].PolicyDocument, statement.exec(rest)?.[1]));
  }
  for (const s of stacks) {
    for (const [logicalId, resource] of Object.entries<any>(s.template.Resources ?? {})) {
      if (resource?.Type !== 'AWS::IAM::Policy' && resource?.Type !== 'AWS::IAM::ManagedPolicy') continue;
      const label = resourceLabel(s, logicalId);
      if (message.startsWith(`policy ${label} `)) {
        const rest = message.slice(`policy ${label}`.length);
        return { resourceLogicalId: logicalId, templatePath: s.templatePath, location: statementLocation('Properties/PolicyDocument', resource.Properties?.PolicyDocument, statement.exec(rest)?.[1]) };
      }
    }
  }
  return own('Properties/Policies');
}

/** `<document>/Statement/<index>` when the document's Statement is a list; `<document>` otherwise. */
function statementLocation(document: string, value: any, index: string | undefined): string {
  return index !== undefined && Array.isArray(value?.Statement) ? `${document}/Statement/${index}` : document;
}

/**
 * The root of the cloud assembly of the templates: the directory of their manifest, or of the
 * manifest that names their nested assembly (a stage) as `cdk:cloud-assembly`.
 */
function rootAssemblyDirectory(templatePaths: string[]): string | undefined {
  let root: string | undefined;
  for (const file of templatePaths) {
    let directory = path.dirname(path.resolve(file));
    while (isNestedAssembly(directory)) directory = path.dirname(directory);
    if (root === undefined || root.startsWith(`${directory}${path.sep}`)) root = directory;
  }
  return root;
}

function isNestedAssembly(directory: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(directory), 'manifest.json'), 'utf-8'));
    return Object.values<any>(manifest?.artifacts ?? {}).some((a) => a?.type === 'cdk:cloud-assembly' && a.properties?.directoryName === path.basename(directory));
  } catch {
    return false;
  }
}

/**
 * Writes files into the assembly once CDK's validation is over: CDK fingerprints the assembly
 * around every plugin and fails the synth when a plugin changed it. The files are written when
 * the synth returns to the event loop, or at process exit, whichever comes first.
 */
function writeAfterValidation(directory: string, files: { file: string; text: string }[]): void {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    process.removeListener('exit', write);
    try {
      for (const { file, text } of files) fs.writeFileSync(path.join(directory, file), text);
    } catch (e) {
      console.error(`${PLUGIN_NAME}: the review could not be written into ${directory}: ${(e as Error).message}`);
    }
  };
  process.once('exit', write);
  setImmediate(write);
}

/** The version in this package's package.json, found above this file (in `lib/` or `src/`). */
function packageVersion(): string {
  let directory = __dirname;
  for (let depth = 0; depth < 5; depth++) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf-8'));
      if (manifest?.name === PLUGIN_NAME && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no package.json here: look in the parent directory
    }
    directory = path.dirname(directory);
  }
  return '0.0.0';
}
