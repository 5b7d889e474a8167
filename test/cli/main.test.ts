/**
 * The command as a user runs it: a spawned `node lib/cli/main.js` (the package's `bin`) on a
 * synthesized `cdk.out`. Needs the compiled library (`npx projen compile`, part of the build).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { useTempAssemblies, useTempDirectories } from '../support/assemblies';

const BIN = path.join(__dirname, '..', '..', 'lib', 'cli', 'main.js');
const synth = useTempAssemblies();
const tempDir = useTempDirectories();

function run(args: string[], cwd?: string) {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx projen compile\` first`);
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf-8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let assembly: string;
beforeAll(() => {
  assembly = synth((app) => {
    const stack = new Stack(app, 'Shop');
    new iam.Role(stack, 'Partner', { assumedBy: new iam.AccountPrincipal('222233334444') });
    new iam.Role(stack, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  });
});

describe('cdk-assumable-roles review', () => {
  test('prints the Markdown review of cdk.out in the working directory', () => {
    const project = tempDir();
    fs.cpSync(assembly, path.join(project, 'cdk.out'), { recursive: true });
    const { status, stdout, stderr } = run(['review'], project);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toContain('| `Shop/Partner` | account 222233334444 (root) · **cross-account** | AssumeRole |');
    expect(stdout).toContain('| `Shop/Worker` | Lambda functions (lambda.amazonaws.com) | AssumeRole |');
    expect(stdout).toContain('  - **warning** `cdk-assumable-roles:CrossAccountWithoutGuard`: trust statement 0 trusts the whole account 222233334444');
  });

  test('--format json, and --output writes a file instead', () => {
    const json = run(['review', assembly, '--format', 'json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ roles: 2, findings: { warning: 1 } });
    const file = path.join(tempDir(), 'graph.mmd');
    const mermaid = run(['review', assembly, '--format', 'mermaid', '--output', file]);
    expect({ status: mermaid.status, stdout: mermaid.stdout }).toEqual({ status: 0, stdout: '' });
    expect(fs.readFileSync(file, 'utf-8')).toMatch(/^flowchart LR\n {2}r0\["Shop\/Partner"\]/);
  });

  test('--fail-on findings exits 1 when an error or warning is not acknowledged', () => {
    expect(run(['review', assembly, '--fail-on', 'findings']).status).toBe(1);
  });

  test('a directory that is not a cloud assembly: exit 2 and what to do', () => {
    const empty = tempDir();
    const { status, stdout, stderr } = run(['review', empty]);
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toBe(`cdk-assumable-roles: ${empty} is not a cloud assembly: it has no manifest.json. Run \`cdk synth\` first, and give the directory it writes (cdk.out by default, or the --output of cdk synth).\n`);
  });

  test('a wrong command line: exit 2 with the usage', () => {
    const { status, stderr } = run(['review', '--format', 'html']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^cdk-assumable-roles: --format "html" is not one of markdown, json, mermaid\.\n\nUsage:\n/);
  });

  test('--version prints the package version', () => {
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8')).version;
    expect(run(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('cdk-assumable-roles review --diff', () => {
  let widened: string;
  beforeAll(() => {
    widened = synth((app) => {
      const stack = new Stack(app, 'Shop');
      new iam.Role(stack, 'Partner', { assumedBy: new iam.AccountPrincipal('222233334444') });
      new iam.Role(stack, 'Worker', { assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('lambda.amazonaws.com'), new iam.AccountPrincipal('444455556666')) });
    });
  });

  test('prints what widened; --fail-on new-access exits 1 for the CI gate', () => {
    const { status, stdout, stderr } = run(['review', '--diff', assembly, widened, '--fail-on', 'new-access']);
    expect(status).toBe(1);
    expect(stdout).toContain('| **widens** | new trusted party: account 444455556666 (root) |');
    expect(stderr).toBe('cdk-assumable-roles: access widened (--fail-on new-access): see the changes marked "widens".\n');
  });

  test('a narrowing passes the gate; the same assembly has no change', () => {
    expect(run(['review', '--diff', widened, assembly, '--fail-on', 'new-access']).status).toBe(0);
    const same = run(['review', '--diff', assembly, assembly, '--format', 'json']);
    expect(same.status).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ widened: false, changes: [] });
  });
});
