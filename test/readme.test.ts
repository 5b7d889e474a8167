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

describe('README: Reviewing an app shows real output', () => {
  const golden = (file: string) => fs.readFileSync(path.join(__dirname, 'review', 'golden', file), 'utf8');
  const between = (start: string, end: string) => readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));

  test('every line of the report excerpt is a line of the example app\'s golden review', () => {
    const goldenLines = new Set(golden('example-app.md').split('\n'));
    const excerpt = between('example-app.md) -->\n', '<!-- review excerpt: end -->').split('\n').filter((l) => l !== '' && !l.startsWith('**`'));
    expect(readme).toContain('<!-- review excerpt: start');
    expect(excerpt.length).toBeGreaterThan(20);
    expect(excerpt.filter((l) => !goldenLines.has(l))).toEqual([]);
  });

  test('the graph is the example app\'s golden Mermaid graph', () => {
    const block = between('<!-- review graph: start (test/readme.test.ts: equal to test/review/golden/example-app.mmd) -->\n```mermaid\n', '```\n<!-- review graph: end -->');
    expect(block).toBe(golden('example-app.mmd'));
  });
});
