import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssemblyError, readAssembly } from '../../src/review/cloud-assembly';
import { RoleReview } from '../../src/review/role-review';
import { useTempAssemblies, useTempDirectories } from '../support/assemblies';

const synth = useTempAssemblies();
const tempDir = useTempDirectories();

function twoStacks(): string {
  return synth((app) => {
    for (const id of ['Good', 'Broken']) {
      new iam.Role(new Stack(app, id), 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    }
  });
}

describe('reading a cloud assembly: bad input', () => {
  test('a directory that does not exist', () => {
    expect(() => readAssembly('/nonexistent/cdk.out')).toThrow(new AssemblyError('/nonexistent/cdk.out is not a directory. Give the cloud assembly directory `cdk synth` writes (cdk.out by default).'));
  });

  test('a directory that is not a cloud assembly', () => {
    const dir = tempDir();
    expect(() => readAssembly(dir)).toThrow(`${dir} is not a cloud assembly: it has no manifest.json. Run \`cdk synth\` first, and give the directory it writes (cdk.out by default, or the --output of cdk synth).`);
  });

  test('a manifest that is not JSON, and one without artifacts', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{ "version": ');
    expect(() => readAssembly(dir)).toThrow(/manifest\.json is not valid JSON \(.*\)\. Synthesize the app again\.$/);
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{ "version": "40.0.0" }');
    expect(() => readAssembly(dir)).toThrow(`${path.join(dir, 'manifest.json')} has no artifacts: it is not the manifest of a cloud assembly.`);
  });

  test('a template that does not parse is a row of the review; the other stacks are reviewed', () => {
    const dir = twoStacks();
    fs.writeFileSync(path.join(dir, 'Broken.template.json'), '{ "Resources": ');
    const review = RoleReview.fromAssembly(dir);
    expect(review.roleCount).toBe(1);
    expect(review.unreadStackCount).toBe(1);
    expect(review._model.unread).toEqual([{
      name: 'Broken',
      file: path.join(dir, 'Broken.template.json'),
      problem: expect.stringMatching(/^the template is not valid JSON \(.+\): its roles are not in this review$/),
    }]);
    expect(review.render('markdown' as any)).toContain(`- Broken: \`${path.join(dir, 'Broken.template.json')}\`: the template is not valid JSON`);
  });

  test('a missing template, and a template that is not an object', () => {
    const dir = twoStacks();
    fs.rmSync(path.join(dir, 'Broken.template.json'));
    fs.writeFileSync(path.join(dir, 'Good.template.json'), '[]');
    const { stacks, unread } = readAssembly(dir);
    expect(stacks).toEqual([]);
    expect(unread.map((u) => [u.name, u.problem])).toEqual([
      ['Good', 'the template is not a JSON object: its roles are not in this review'],
      ['Broken', 'the template file is missing: its roles are not in this review'],
    ]);
  });

  test('metadata that cannot be read is reported; the roles are still reviewed', () => {
    const dir = twoStacks();
    fs.writeFileSync(path.join(dir, 'Good.metadata.json'), 'not json');
    const review = RoleReview.fromAssembly(dir);
    expect(review.roleCount).toBe(2);
    expect(review._model.unread).toEqual([expect.objectContaining({ name: 'Good', problem: expect.stringMatching(/^metadata could not be read \(.*\): construct paths and acknowledgements of this stack are missing$/) })]);
    // Without metadata, a role is named by its stack and logical ID.
    expect(review._model.roles.map((r) => r.label)).toEqual([expect.stringMatching(/^Good\/Role[0-9A-F]{8}$/), 'Broken/Role']);
  });
});
