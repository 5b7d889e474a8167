import * as fs from 'fs';
import * as path from 'path';
import { RoleChecks } from '../src';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  test.each(RoleChecks.describeChecks().map((c) => [c.id.replace('cdk-assumable-roles:', ''), c.level]))(
    'documents check %s with its level %s',
    (id, level) => {
      expect(readme).toMatch(new RegExp(`\\| \`${id}\` \\| ${level} \\|`));
    },
  );

  test('names the two commands', () => {
    expect(readme).toContain('npm ci && npx projen synth:example');
    expect(readme).toContain('npx projen test');
  });
});
