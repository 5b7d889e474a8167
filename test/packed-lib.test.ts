/**
 * scripts/pack-lib.js (run by the compile task): the modules an app of roles loads are packed into
 * lib/packed-modules.js, their files become stubs, every module still exists once, and stack
 * traces still point into src/.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const LIB = path.join(ROOT, 'lib');
const PACK = path.join(LIB, 'packed-modules.js');
const compiled = fs.existsSync(PACK) ? test : test.skip;

/** Runs `script` in a fresh node process (the compiled package as users load it) and parses what it prints. */
function inNode(script: string, ...flags: string[]): any {
  return JSON.parse(execFileSync(process.execPath, [...flags, '-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

describe('lib/packed-modules.js', () => {
  compiled('packs the modules of the role constructs and their checks, not the entry points or the review', () => {
    const packed: string[] = inNode(`process.stdout.write(JSON.stringify(require(${JSON.stringify(PACK)}).packed()))`);
    expect(packed).toEqual(expect.arrayContaining([
      'roles/assumable-role', 'roles/service-role', 'roles/cross-account-role', 'roles/irsa-role', 'roles/bounded-role',
      'trust/trust', 'validation/role-checks', 'validation/checks/index', 'validation/limits',
    ]));
    expect(packed.filter((id) => id === 'index' || id.startsWith('cli/') || id.startsWith('catalog/') || /^review\/role-review/.test(id))).toEqual([]);
  });

  compiled('turns each packed module into a stub that hands out the one packed copy', () => {
    const result = inNode(`const pack = require(${JSON.stringify(PACK)});
      const fs = require('fs');
      const ids = pack.packed();
      // Deep imports and the index share the packed module and its classes.
      const deep = require(${JSON.stringify(path.join(LIB, 'roles', 'service-role'))});
      const index = require(${JSON.stringify(LIB)});
      process.stdout.write(JSON.stringify({
        count: ids.length,
        stubs: ids.filter((id) => fs.readFileSync(${JSON.stringify(LIB)} + '/' + id + '.js', 'utf8').includes('Packed by scripts/pack-lib.js')).length,
        same: ids.every((id) => require(${JSON.stringify(LIB)} + '/' + id) === pack(id)),
        sameClass: deep.ServiceRole === index.ServiceRole,
      }));`);
    expect(result.count).toBeGreaterThan(40);
    expect(result).toEqual({ count: result.count, stubs: result.count, same: true, sameClass: true });
  });

  compiled('requires each package once for the whole pack, and hands out what node\'s require does', () => {
    const source = fs.readFileSync(PACK, 'utf8');
    // Every package require of the packed modules goes through the pack's cache (only unpacked modules of this package are required directly).
    expect((source.match(/\brequire\("[^"]*"\)/g) ?? []).filter((r) => !r.startsWith('require("./'))).toEqual([]);
    expect((source.match(/__package\("aws-cdk-lib"\)/g) ?? []).length).toBeGreaterThan(10);
    const result = inNode(`const lib = require(${JSON.stringify(LIB)});
      lib.ServiceRole;
      const Module = require('module');
      const resolveCalls = [];
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) { resolveCalls.push(request); return resolve.call(this, request, ...rest); };
      // Modules not run yet: each requires aws-cdk-lib, which must not be resolved again.
      const cross = lib.CrossAccountRole, irsa = lib.IrsaRole, bounded = lib.BoundedRole;
      const { createRequire } = Module;
      const fromLib = createRequire(${JSON.stringify(PACK)});
      process.stdout.write(JSON.stringify({
        resolved: resolveCalls.filter((r) => r.startsWith('aws-cdk-lib')),
        sameIam: fromLib('aws-cdk-lib/aws-iam').Role === require('aws-cdk-lib/aws-iam').Role,
        loaded: [cross, irsa, bounded].every((c) => typeof c === 'function'),
      }));`);
    expect(result).toEqual({ resolved: [], sameIam: true, loaded: true });
  });

  compiled('maps stack traces from packed code to the TypeScript sources', () => {
    const frames: string[] = inNode(`const lib = require(${JSON.stringify(LIB)});
      const cdk = require('aws-cdk-lib');
      const stack = new cdk.Stack(new cdk.App(), 'S');
      try { new lib.CrossAccountRole(stack, 'X', { trustedAccounts: ['12'] }); } catch (e) { process.stdout.write(JSON.stringify(e.stack.split('\\n').slice(1, 4))); }`,
    '--enable-source-maps');
    const at = (file: string) => {
      const frame = frames.find((f) => f.includes(`src/${file}:`));
      expect(frame).toBeDefined();
      const line = Number(/\.ts:(\d+):\d+\)?$/.exec(frame!)![1]);
      return fs.readFileSync(path.join(ROOT, 'src', file), 'utf8').split('\n')[line - 1];
    };
    // The lines the frames name are the ones that threw and called.
    expect(at('private/errors.ts')).toContain('new Error(');
    expect(at('roles/cross-account-role.ts')).toContain('throwFirst(this, problems)');
  });

  compiled('leaves the modules an app of roles does not load as files of their own', () => {
    const loaded = inNode(`const lib = require(${JSON.stringify(LIB)});
      lib.RoleCatalog;
      process.stdout.write(JSON.stringify(Object.keys(require.cache).some((f) => f.endsWith('/lib/catalog/role-catalog.js'))));`);
    expect(loaded).toBe(true);
  });
});
