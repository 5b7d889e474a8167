#!/usr/bin/env node
/**
 * The `cdk-assumable-roles` command (`bin` of the package; also installed by `pip install` as a
 * jsii bin script). Argument parsing and output only: the review itself is `RoleReview`.
 *
 * Exit codes: 0 done; 1 `--fail-on` matched; 2 the command line or an assembly is wrong.
 */
import * as fs from 'fs';
import { CliRequest, parseCommandLine, UsageError, USAGE } from './arguments';
import { RoleCatalogMigration } from '../catalog/role-catalog-migration';
import { yamlLibrary } from '../private/lazy-modules';
import { AssemblyError } from '../review/cloud-assembly';
import { RoleReview } from '../review/role-review';
import { ReviewDiff } from '../review/role-review-diff';

/** Runs the command and returns its exit code. */
export function main(
  args: string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
): number {
  let request: CliRequest;
  try {
    request = parseCommandLine(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`cdk-assumable-roles: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (request.command === 'help') {
    out(USAGE);
    return 0;
  }
  if (request.command === 'version') {
    out(`${packageVersion()}\n`);
    return 0;
  }
  if (request.command === 'convert') {
    return convert(request, out, err);
  }
  try {
    const options = { trustPolicySizeQuota: request.trustPolicySizeQuota };
    if (request.diff) {
      const diff = ReviewDiff.between(RoleReview.fromAssembly(request.diff.older, options), RoleReview.fromAssembly(request.diff.newer, options));
      write(request, diff.render(request.format), out);
      if (request.failOn === 'new-access' && diff.widened) {
        err('cdk-assumable-roles: access widened (--fail-on new-access): see the changes marked "widens".\n');
        return 1;
      }
      return 0;
    }
    const review = RoleReview.fromAssembly(request.assembly, options);
    const text = review.render(request.format);
    write(request, text, out);
    if (review.unreadStackCount > 0) {
      err(`cdk-assumable-roles: ${review.unreadStackCount} stack(s) could not be read; the report lists them.\n`);
    }
    return request.failOn === 'findings' && review.openFindingCount > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof AssemblyError) {
      err(`cdk-assumable-roles: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** `convert`: a role catalog from another tool's role definitions. */
function convert(request: CliRequest, out: (text: string) => void, err: (text: string) => void): number {
  const { from, input, defaults } = request.convert!;
  try {
    const text = fs.readFileSync(input, 'utf-8');
    const options = { sourceName: input, defaults: defaults === undefined ? undefined : yamlLibrary().parse(defaults) };
    const catalog = from === 'operator' ? RoleCatalogMigration.fromOperatorManifests(text, options) : RoleCatalogMigration.fromPulumiConfig(text, options);
    write(request, catalog, out);
    return 0;
  } catch (e) {
    // Input the converter cannot carry over, an unreadable file or --defaults that is not YAML.
    err(`cdk-assumable-roles: ${(e as Error).message}\n`);
    return 2;
  }
}

function write(request: CliRequest, text: string, out: (text: string) => void): void {
  if (request.output) {
    fs.writeFileSync(request.output, text);
  } else {
    out(text);
  }
}

function packageVersion(): string {
  try {
    // lib/cli/main.js -> package.json at the package root.
    return JSON.parse(fs.readFileSync(`${__dirname}/../../package.json`, 'utf-8')).version;
  } catch {
    return 'unknown';
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
