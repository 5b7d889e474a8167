import * as fs from 'fs';
import * as path from 'path';
import { RoleChecks } from '../src';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  // The table row is the check's own description, so the README cannot drift from the code.
  test.each(RoleChecks.describeChecks().map((c) => [c.id.replace('cdk-assumable-roles:', ''), c.level, c.trigger, c.fix]))(
    'documents check %s with its level %s, trigger and fix',
    (id, level, trigger, fix) => {
      expect(readme).toContain(`| \`${id}\` | ${level} | ${trigger} | ${fix} |`);
    },
  );

  test('names the two commands', () => {
    expect(readme).toContain('npm ci && npx projen synth:example');
    expect(readme).toContain('npx projen test');
  });
});
