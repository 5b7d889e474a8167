/**
 * scripts/lazy-index.js (run by the compile task): the rewritten lib/index.js exports exactly
 * what src/index.ts exports, and loads a module only when one of its exports is read.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as source from '../src';

const ROOT = path.join(__dirname, '..');
const INDEX = path.join(ROOT, 'lib', 'index.js');
const compiled = fs.existsSync(INDEX) ? test : test.skip;

describe('lib/index.js', () => {
  compiled('exports the names src/index.ts exports, each the same kind of value', () => {
    const names = execFileSync(process.execPath, ['-e', `const m = require(${JSON.stringify(INDEX)});
      process.stdout.write(JSON.stringify(Object.keys(m).sort().map((k) => [k, typeof m[k]])));`], { encoding: 'utf8' });
    const expected = Object.keys(source).filter((k) => k !== '__esModule').sort().map((k) => [k, typeof (source as any)[k]]);
    expect(JSON.parse(names)).toEqual(expected);
  });

  compiled('loads the roles without the review, the catalog or the rollout', () => {
    const loaded = execFileSync(process.execPath, ['-e', `const m = require(${JSON.stringify(INDEX)});
      const before = Object.keys(require.cache).filter((f) => f.includes('/lib/')).length;
      m.ServiceRole;
      const files = Object.keys(require.cache).filter((f) => f.includes('/lib/')).map((f) => f.slice(f.indexOf('/lib/') + 5));
      process.stdout.write(JSON.stringify({ before, files }));`], { encoding: 'utf8' });
    const { before, files } = JSON.parse(loaded);
    // Importing the package loads only the index.
    expect(before).toBe(1);
    expect(files).toContain('roles/service-role.js');
    // The trust graph (review/trust-graph.js and the two modules it reads principals with) is
    // shared with the checks; the review itself, its reports, the catalog and the rollout are not loaded.
    const unneeded = (f: string) => /^(catalog|rollout|cli)\//.test(f) || /^review\/(role-review|report-|cloud-assembly|review-|assembly-)/.test(f);
    expect(files.filter(unneeded)).toEqual([]);
  });

  compiled('reads an export of a loaded module without calling require() again', () => {
    // Compiled TypeScript reads `cdk_assumable_roles_1.ServiceRole` at every use of the name.
    const calls = execFileSync(process.execPath, ['-e', `const Module = require('module');
      const m = require(${JSON.stringify(INDEX)});
      m.ServiceRole;
      let calls = 0;
      const original = Module.prototype.require;
      Module.prototype.require = function (...args) { calls++; return original.apply(this, args); };
      const same = m.ServiceRole === m.ServiceRole && m.ServiceRole === m.ServiceRole;
      Module.prototype.require = original;
      process.stdout.write(JSON.stringify({ calls, same }));`], { encoding: 'utf8' });
    expect(JSON.parse(calls)).toEqual({ calls: 0, same: true });
  });
});
