#!/usr/bin/env node
/**
 * Rewrites lib/index.js (compiled by jsii from src/index.ts, which is `export * from` every
 * module) so that each module is loaded when one of its exports is first read, not when the
 * package is imported: an app that only makes roles does not load the review, the catalog or
 * the rollout (a cold `cdk synth` paid about 15 ms for them; see bench/). The exports, their
 * names and order are the same; lib/index.d.ts is not changed.
 *
 * Run by the compile task after jsii. Idempotent: a rewritten index is left as it is.
 */
const fs = require('fs');
const path = require('path');

const lib = path.join(__dirname, '..', 'lib');
const indexFile = path.join(lib, 'index.js');
const source = fs.readFileSync(indexFile, 'utf8');
const MARK = '// Rewritten by scripts/lazy-index.js';
if (source.includes(MARK)) {
  console.log('lib/index.js is already lazy');
  process.exit(0);
}
const modules = [...source.matchAll(/__exportStar\(require\("(\.\/[^"]+)"\), exports\);/g)].map((m) => m[1]);
const expected = (source.match(/__exportStar\(require\(/g) ?? []).length;
if (modules.length === 0 || modules.length !== expected) {
  throw new Error(`lib/index.js: expected only "__exportStar(require(...), exports)" lines, found ${modules.length} of ${expected}`);
}

/** The value exports of a compiled module, from TypeScript's `exports.A = exports.B = void 0;` line. */
function exportNames(module) {
  const text = fs.readFileSync(path.join(lib, `${module}.js`), 'utf8');
  const names = new Set();
  for (const line of text.matchAll(/^exports\.[\w$]+ = (?:exports\.[\w$]+ = )*void 0;$/gm)) {
    for (const m of line[0].matchAll(/exports\.([\w$]+) =/g)) names.add(m[1]);
  }
  // Modules with one export may declare it without the void-0 line.
  for (const m of text.matchAll(/^exports\.([\w$]+) = [\w$]+;$/gm)) names.add(m[1]);
  return [...names];
}

const seen = new Set();
const lines = [
  '"use strict";',
  MARK,
  'Object.defineProperty(exports, "__esModule", { value: true });',
  // The module is kept once loaded: each read of an export (compiled TypeScript reads
  // `cdk_assumable_roles_1.ServiceRole` at every use) would otherwise call require() again.
  'function lazy(load, names) {',
  '    let module;',
  '    for (const name of names) {',
  '        Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: () => (module ??= load())[name] });',
  '    }',
  '}',
];
for (const module of modules) {
  // As `export *`: a name exported by an earlier module wins.
  const names = exportNames(module).filter((n) => !seen.has(n));
  names.forEach((n) => seen.add(n));
  // A literal require (node caches the module), so that tools which follow requires still see it.
  if (names.length > 0) lines.push(`lazy(() => require(${JSON.stringify(module)}), ${JSON.stringify(names)});`);
}
fs.writeFileSync(indexFile, `${lines.join('\n')}\n`);
console.log(`lib/index.js: ${seen.size} exports of ${modules.length} modules, each module loaded on first use`);
