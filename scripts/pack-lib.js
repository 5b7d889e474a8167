#!/usr/bin/env node
/**
 * Packs the compiled modules that an app of roles loads into one file, `lib/packed-modules.js`,
 * and turns each packed `lib/**\/*.js` into a one-line stub that returns its module from the pack.
 *
 * Why: a cold `cdk synth` (a fresh node process) paid for every module file it loaded: path
 * resolution, `stat` and `realpath`, a read and a separate compile, about 0.1-0.5 ms each for
 * 50-90 modules, the largest fixed part of what this library adds to a cold synth of a few
 * roles (issue 14, bench/). One file is read and compiled once.
 *
 * What is packed: the modules an app of the usual roles loads (scripts/pack-probe.js builds one
 * of each construct, synthesizes it and lists what it loaded). Everything else stays a file of
 * its own and loads on first use as before (the review, the catalog, the CLI, and the features
 * `src/private/lazy-features.ts` loads on demand). Each module still exists once: a stub and the
 * pack hand out the same exports, so deep imports (`lib/roles/service-role`) and the index see
 * the same classes. Requires between packed modules go through the pack; requires of other
 * modules keep their meaning (rewritten relative to lib/, where the pack is).
 *
 * Stack traces: `lib/packed-modules.js.map` combines the modules' source maps, so traces still
 * point into src/*.ts (node --enable-source-maps; node 20 does not read index maps, hence one flat map).
 *
 * Run by the compile task after jsii and scripts/lazy-index.js. Idempotent: when the modules are
 * already stubs (no jsii run since), it leaves lib/ as it is.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { decode, encode } = require('@jridgewell/sourcemap-codec');

const lib = path.join(__dirname, '..', 'lib');
const PACK = 'packed-modules';
const STUB_MARK = '// Packed by scripts/pack-lib.js';

/** A module id: its path under lib/ without `.js`, with forward slashes. */
const idOf = (file) => path.relative(lib, file).split(path.sep).join('/').replace(/\.js$/, '');
const fileOf = (id) => path.join(lib, `${id}.js`);

if (fs.readFileSync(fileOf('roles/service-role'), 'utf8').includes(STUB_MARK)) {
  console.log('lib/ is already packed');
  process.exit(0);
}

// The modules an app of roles loads, in load order (dependencies first, as node ran them).
const probe = execFileSync(process.execPath, [path.join(__dirname, 'pack-probe.js'), lib], { encoding: 'utf8' });
const loaded = JSON.parse(probe).map((file) => idOf(file));

/**
 * Why a module cannot be packed, if it cannot: it must not depend on its own file's location
 * or require anything but string literals, and the index and the CLI entry point stay files.
 */
function unpackable(id, source) {
  if (id === 'index' || id.startsWith('cli/')) return 'an entry point';
  if (/\b(__dirname|__filename|require\.main|require\.resolve|import\()/.test(source)) return 'it reads its own location';
  if (/\brequire\((?!"[^"]*"\)|'[^']*'\))/.test(source)) return 'it requires a computed name';
  return undefined;
}

const sources = new Map();
const skipped = [];
for (const id of loaded) {
  const source = fs.readFileSync(fileOf(id), 'utf8');
  const why = unpackable(id, source);
  if (why) {
    if (id !== 'index') skipped.push(`${id} (${why})`);
    continue;
  }
  sources.set(id, source);
}

/**
 * `require("./x")` in module `id`, rewritten: a packed module from the pack, any other relative to
 * lib/. `require("aws-cdk-lib")` and other packages: through `__package`, which requires each
 * once for the whole pack (see the header).
 */
function rewriteRequires(id, source) {
  return source
    .replace(/\brequire\((["'])(\.{1,2}\/[^"']*)\1\)/g, (_, quote, request) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(id), request));
      if (sources.has(target)) return `__load(${JSON.stringify(target)})`;
      if (sources.has(`${target}/index`)) return `__load(${JSON.stringify(`${target}/index`)})`;
      return `require(${JSON.stringify(`./${target}`)})`;
    })
    .replace(/\brequire\((["'])([^."'][^"']*)\1\)/g, (_, quote, request) => `__package(${JSON.stringify(request)})`);
}

// The pack: a registry that runs each module once, on its first require, with CommonJS semantics
// (a module is cached before it runs, so cycles see partial exports as with node's own require).
const header = [
  '"use strict";',
  '/* Modules of cdk-assumable-roles packed into one file by scripts/pack-lib.js (a cold `cdk synth` loads one file instead of many). */',
  'const __defs = Object.create(null);',
  'const __modules = Object.create(null);',
  'function __load(id) {',
  '    let module = __modules[id];',
  '    if (!module) {',
  '        module = __modules[id] = { exports: {} };',
  '        __defs[id].call(module.exports, module.exports, module);',
  '    }',
  '    return module.exports;',
  '}',
  '/** The ids of the packed modules that have run, in order (for the tests). */',
  '__load.loaded = () => Object.keys(__modules);',
  '/** The ids of all packed modules. */',
  '__load.packed = () => Object.keys(__defs);',
  'module.exports = __load;',
  '// A package (aws-cdk-lib, constructs) is required once for all packed modules: node 20 does not',
  '// cache a name it resolved through a package\'s "exports" (Module._findPath returns it uncached),',
  '// so each require of aws-cdk-lib from here walked aws-cdk-lib\'s 340 exports again, about 0.1 ms',
  '// each, 29 times in a cold `cdk synth`.',
  'const __packages = Object.create(null);',
  'function __package(request) {',
  '    return __packages[request] ??= require(request);',
  '}',
];
const lines = [...header];
const combined = { sources: [], names: [], sourcesContent: [], mappings: [] };
let hasContent = false;
for (const [id, source] of sources) {
  const body = rewriteRequires(id, source).replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '\n');
  // Parenthesized: V8 compiles the function at once instead of pre-parsing it and parsing it again
  // on its first call (every packed module runs in an app of roles).
  lines.push(`__defs[${JSON.stringify(id)}] = (function (exports, module) {`);
  const firstLine = lines.length;
  lines.push(...body.replace(/\n$/, '').split('\n'));
  lines.push('});');
  // The module's own map, moved down to where its code starts in the pack. Requires rewritten
  // inside a line shift columns after them on that line only; lines are kept as they were.
  const mapFile = `${fileOf(id)}.map`;
  const segmentsByLine = Array.from({ length: lines.length - firstLine }, () => []);
  if (fs.existsSync(mapFile)) {
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
    const dir = path.dirname(fileOf(id));
    const sourceIndex = (map.sources ?? []).map((s, i) => {
      combined.sources.push(path.relative(lib, path.resolve(dir, map.sourceRoot ?? '', s)).split(path.sep).join('/'));
      combined.sourcesContent.push(map.sourcesContent?.[i] ?? null);
      hasContent ||= map.sourcesContent?.[i] != null;
      return combined.sources.length - 1;
    });
    const nameIndex = (map.names ?? []).map((n) => combined.names.push(n) - 1);
    decode(map.mappings).forEach((segments, line) => {
      if (line >= segmentsByLine.length) return;
      segmentsByLine[line] = segments.map((s) => (s.length === 1 ? [s[0]]
        : s.length === 4 ? [s[0], sourceIndex[s[1]], s[2], s[3]]
          : [s[0], sourceIndex[s[1]], s[2], s[3], nameIndex[s[4]]]));
    });
  }
  while (combined.mappings.length < firstLine) combined.mappings.push([]);
  combined.mappings.push(...segmentsByLine);
}
lines.push(`//# sourceMappingURL=${PACK}.js.map`);
fs.writeFileSync(fileOf(PACK), `${lines.join('\n')}\n`);
fs.writeFileSync(`${fileOf(PACK)}.map`, JSON.stringify({
  version: 3,
  file: `${PACK}.js`,
  sources: combined.sources,
  ...(hasContent ? { sourcesContent: combined.sourcesContent } : {}),
  names: combined.names,
  mappings: encode(combined.mappings),
}));

// The stubs: the module's file hands out the packed module (its .d.ts is unchanged).
for (const id of sources.keys()) {
  const toPack = path.posix.relative(path.posix.dirname(id), PACK);
  fs.writeFileSync(fileOf(id), [
    '"use strict";',
    STUB_MARK,
    `module.exports = require(${JSON.stringify(toPack.startsWith('.') ? toPack : `./${toPack}`)})(${JSON.stringify(id)});`,
    '',
  ].join('\n'));
  fs.rmSync(`${fileOf(id)}.map`, { force: true });
}
const bytes = fs.statSync(fileOf(PACK)).size;
console.log(`lib/${PACK}.js: ${sources.size} modules (${Math.round(bytes / 1024)} KB) packed`
  + (skipped.length > 0 ? `; left as files: ${skipped.join(', ')}` : ''));
