/**
 * `cdk-assumable-roles convert`: the converters of RoleCatalogMigration behind the command line
 * (run in-process through `main`, so it needs no compiled library).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RoleCatalog } from '../../src/catalog/role-catalog';
import { main } from '../../src/cli/main';

const FIXTURES = path.join(__dirname, '..', 'catalog', 'fixtures', 'migration');

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = main(args, (t) => { stdout += t; }, (t) => { stderr += t; });
  return { status, stdout, stderr };
}

describe('cdk-assumable-roles convert', () => {
  test('operator manifests to a catalog on standard output', () => {
    const { status, stdout, stderr } = run(['convert', 'operator', path.join(FIXTURES, 'operator-roles.yaml')]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(RoleCatalog.validate({ text: stdout })).toEqual([]);
    expect(stdout).toContain('- name: partner-auditor');
  });

  test('a Pulumi config with --defaults, written to --output', () => {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'convert-')), 'roles.yaml');
    const { status, stderr } = run(['convert', 'pulumi', path.join(FIXTURES, 'Pulumi.iam-roles.yaml'),
      '--defaults', '{kind: cross-account, trustedRoleArns: ["arn:{partition}:iam::{account}:role/k8s-nodes"]}', '--output', output]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(RoleCatalog.validate({ file: output })).toEqual([]);
  });

  test('input the converter cannot carry over: exit 2 with the place', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-'));
    const input = path.join(dir, 'role.yaml');
    fs.writeFileSync(input, 'apiVersion: aws-infra-operator.runner.codes/v1alpha1\nkind: IAMRole\nspec:\n  roleName: a\n  assumeRolePolicyDocument: "{}"\n  deletionPolicy: Orphan\n');
    expect(run(['convert', 'operator', input])).toEqual({
      status: 2,
      stdout: '',
      stderr: `cdk-assumable-roles: ${input}:6:3: deletionPolicy "Orphan" has no removalPolicy; the operator's values are "Delete", "Retain"\n`,
    });
  });
});
