/**
 * The command line of `cdk-assumable-roles`: parsing only, with Node's own `util.parseArgs`
 * (no argument-parsing dependency in the published package).
 */
import { parseArgs } from 'util';
import { ReviewFormat } from '../review/role-review';

/** What the user asked for. */
export interface CliRequest {
  readonly command: 'review' | 'convert' | 'help' | 'version';
  /** With `convert`: the format of the input, its file and the catalog's defaults block (YAML). */
  readonly convert?: { readonly from: 'operator' | 'pulumi'; readonly input: string; readonly defaults?: string };
  /** The assembly to review (`cdk.out` when not given). */
  readonly assembly: string;
  /** With `--diff OLD NEW`: the older and newer assemblies. */
  readonly diff?: { readonly older: string; readonly newer: string };
  readonly format: ReviewFormat;
  readonly output?: string;
  /** `new-access` (with `--diff`) or `findings` (without). */
  readonly failOn?: 'new-access' | 'findings';
  readonly trustPolicySizeQuota?: number;
}

/** A command line that cannot be run as written: exit code 2 with the message and the usage. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  cdk-assumable-roles review [CDK_OUT] [--format markdown|json|mermaid] [--output FILE]
                             [--fail-on findings] [--trust-policy-quota N]
  cdk-assumable-roles review --diff OLD_CDK_OUT NEW_CDK_OUT [--format markdown|json]
                             [--output FILE] [--fail-on new-access]

Reads a cloud assembly (the directory \`cdk synth\` writes, cdk.out by default) and prints who
may assume each IAM role, what it may do, and the findings of the checks. Needs no app code
and no AWS access.

Options:
  --format FORMAT           markdown (default), json or mermaid (a graph of trust edges)
  --output FILE             write to FILE instead of standard output
  --diff OLD NEW            compare two assemblies: trusted parties gained and lost,
                            conditions added or removed, roles added or removed, findings
  --fail-on new-access      with --diff: exit 1 when any role gained a trusted party, lost a
                            condition or otherwise widened
  --fail-on findings        without --diff: exit 1 when any error or warning is not acknowledged
  --trust-policy-quota N    the accounts' trust policy size quota (default 2048)
  --help, --version

  cdk-assumable-roles convert operator MANIFEST [--defaults YAML] [--output FILE]
  cdk-assumable-roles convert pulumi CONFIG --defaults YAML [--output FILE]

Converts role definitions of other tools to a role catalog (YAML for RoleCatalog.fromFile):
the Kubernetes infra operator's IAMRole manifests (aws-infra-operator.runner.codes/v1alpha1),
or a Pulumi stack config of the iam-roles module (config: iam-roles:roles), whose roles have
no trust: --defaults says who assumes them, e.g.
  --defaults '{kind: cross-account, trustedRoleArns: ["arn:{partition}:iam::{account}:role/nodes"]}'
`;

const FORMATS = Object.values(ReviewFormat) as string[];

/** Parses the arguments after the program name. */
export function parseCommandLine(args: string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'format': { type: 'string' },
        'output': { type: 'string', short: 'o' },
        'diff': { type: 'boolean' },
        'fail-on': { type: 'string' },
        'trust-policy-quota': { type: 'string' },
        'help': { type: 'boolean', short: 'h' },
        'version': { type: 'boolean' },
        'defaults': { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const base = { assembly: 'cdk.out', format: ReviewFormat.MARKDOWN };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('Give a command: review or convert.');
  if (command === 'convert') return convertRequest(rest, values.output, values.defaults);
  if (command !== 'review') throw new UsageError(`Unknown command "${command}": the commands are review and convert.`);
  if (values.defaults !== undefined) throw new UsageError('--defaults is an option of convert.');

  const format = values.format ?? ReviewFormat.MARKDOWN;
  if (!FORMATS.includes(format)) throw new UsageError(`--format "${format}" is not one of ${FORMATS.join(', ')}.`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'new-access' && failOn !== 'findings') {
    throw new UsageError(`--fail-on "${failOn}" is not one of new-access (with --diff), findings.`);
  }
  const quotaText = values['trust-policy-quota'];
  const quota = quotaText === undefined ? undefined : Number(quotaText);
  if (quota !== undefined && !(Number.isInteger(quota) && quota > 0)) {
    throw new UsageError(`--trust-policy-quota "${quotaText}" is not a positive whole number of characters.`);
  }
  const common = { command: 'review' as const, format: format as ReviewFormat, output: values.output, trustPolicySizeQuota: quota };
  if (values.diff) {
    if (rest.length !== 2) throw new UsageError(`--diff takes two assembly directories, OLD and NEW; got ${rest.length}.`);
    if (failOn === 'findings') throw new UsageError('--fail-on findings is for a review; with --diff, use --fail-on new-access.');
    if (format === ReviewFormat.MERMAID) throw new UsageError('--format mermaid draws the trust graph of one assembly; a diff is markdown or json.');
    return { ...common, assembly: rest[1], diff: { older: rest[0], newer: rest[1] }, failOn: failOn as 'new-access' | undefined };
  }
  if (rest.length > 1) throw new UsageError(`review takes one assembly directory; got ${rest.length}. To compare two, use --diff OLD NEW.`);
  if (failOn === 'new-access') throw new UsageError('--fail-on new-access compares two assemblies: use it with --diff OLD NEW.');
  return { ...common, assembly: rest[0] ?? 'cdk.out', failOn: failOn as 'findings' | undefined };
}

/** `convert operator|pulumi FILE [--defaults YAML]`. */
function convertRequest(rest: string[], output: string | undefined, defaults: string | undefined): CliRequest {
  const [from, ...inputs] = rest;
  if (from !== 'operator' && from !== 'pulumi') {
    throw new UsageError(`convert reads "operator" manifests or a "pulumi" config; got ${from === undefined ? 'nothing' : `"${from}"`}.`);
  }
  if (inputs.length !== 1) throw new UsageError(`convert ${from} takes one file; got ${inputs.length}.`);
  if (from === 'pulumi' && defaults === undefined) {
    throw new UsageError('convert pulumi needs --defaults: the roles of an iam-roles config have no trust; say who assumes them, e.g. --defaults \'{kind: cross-account, trustedRoleArns: [...]}\'.');
  }
  return { command: 'convert', assembly: 'cdk.out', format: ReviewFormat.MARKDOWN, output, convert: { from, input: inputs[0], defaults } };
}
