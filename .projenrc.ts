import { awscdk, javascript, JsonFile } from 'projen';

// Versions measured to fit together on this project's machines (see shared/ENVIRONMENT.md).
const CDK_VERSION = '2.245.0';
const INTEG_TESTS_ALPHA_VERSION = '2.245.0-alpha.0';

// Environment every jsii / integ tool runs with: no end-of-life banner, no download of jsii's
// release list, and a region so integ-runner does not probe the EC2 metadata address.
const QUIET_ENV = {
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
  JSII_SILENCE_SUPPORT_WARNING: '1',
};

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-assumable-roles',
  description:
    'AWS CDK constructs for IAM roles that others assume: typed trust-policy builders, partition-aware ARN templates, and service, cross-account, IRSA and bounded roles.',
  author: 'cdk-assumable-roles developers',
  authorAddress: 'dev@cdk-assumable-roles.invalid',
  repositoryUrl: 'https://github.com/cdk-assumable-roles/cdk-assumable-roles.git',
  license: 'Apache-2.0',
  keywords: ['cdk', 'aws-cdk', 'iam', 'iam-role', 'assume-role', 'irsa', 'eks', 'cross-account', 'trust-policy'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  // The tests' tsconfig (type-check only, extends tsconfig.json) at the top, covering src/, test/
  // and integ/, instead of projen's default test/tsconfig.json.
  tsconfigDevFile: 'tsconfig.dev.json',

  cdkVersion: CDK_VERSION,
  jsiiVersion: '~6.0.0',
  constructsVersion: '10.5.1',

  // This repository is not hosted with projen's GitHub workflows; CI is `.ci/run`.
  github: false,
  release: false,

  publishToPypi: {
    distName: 'cdk-assumable-roles',
    module: 'cdk_assumable_roles',
  },

  // ajv validates pasted policy JSON and role catalogs at synth; yaml reads catalogs;
  // jsonc-parser locates JSON syntax errors (line and column) that JSON.parse does not place.
  // jsii requires runtime libraries to be bundled. All three are MIT/ISC licensed.
  bundledDeps: ['ajv@^8.17.1', 'yaml@^2.8.0', 'jsonc-parser@^3.3.1'],

  // `cdk-assumable-roles review [cdk.out]`: after `npm install`, and (as a jsii bin script)
  // after `pip install`.
  bin: { 'cdk-assumable-roles': 'lib/cli/main.js' },

  devDeps: [
    'aws-cdk@^2',
    '@aws-cdk/integ-runner@^2.197',
    `@aws-cdk/integ-tests-alpha@${INTEG_TESTS_ALPHA_VERSION}`,
    'fast-check@^4',
    // Reads and writes source-map mappings for scripts/pack-lib.js (build time only).
    '@jridgewell/sourcemap-codec@^1.5.0',
    // Independent IAM policy engine for the trust-evaluation tests. AGPL-3.0: test-only,
    // never a runtime or bundled dependency of the published package.
    '@cloud-copilot/iam-simulate@^0.1.173',
    '@cloud-copilot/iam-policy@^0.1.109',
    // Type-checks the Python example against the generated bindings (no PyPI here).
    'pyright@^1.1.400',
    'ts-jest@^29',
    'jest@^29',
    '@types/jest@^29',
    // ts-jest requires jest-util from the top level; npm does not always hoist it there.
    'jest-util@^29',
    // typescript 7 removed moduleResolution "node" that ts-node and ts-jest rely on.
    'typescript@~6.0.3',
    '@types/node@^20',
  ],

  jestOptions: {
    // A changed snapshot must fail the test run, never be rewritten silently.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestVersion: '^29',
    jestConfig: {
      // V8's precise coverage makes every test file's load of aws-cdk-lib many times slower
      // (the whole suite: about 6 minutes with it, 30 seconds without). Coverage on demand:
      // `npx jest --coverage`.
      collectCoverage: false,
      // Each test file gets its own temporary directory, removed after it (test/support/temp-dir-per-file.ts).
      setupFilesAfterEnv: ['<rootDir>/test/support/temp-dir-per-file.ts'],
    },
  },

  // .test-venv/: the Python test venv (scripts/python-venv.sh); never committed nor packed.
  gitignore: ['examples/typescript/cdk.out/', 'examples/python/cdk.out/', '__pycache__/', '*.tsbuildinfo', '.jsii.tabl.json', '/.test-venv/'],
  npmignoreEnabled: true,
  npmIgnoreOptions: { ignorePatterns: ['examples/', 'bench/', 'integ/', '.ci/', 'test/', 'scripts/', 'rosetta/', 'docs/', '!schema/', '/.test-venv/'] },
});

// The npm mirror holds only the Linux bindings of unrs-resolver@1.13.0, so a lockfile resolved
// to it breaks `npm ci`; 1.12.2 installs cleanly (shared/ENVIRONMENT.md).
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

for (const [name, value] of Object.entries(QUIET_ENV)) {
  project.tasks.addEnvironment(name, value);
}

// README examples are compiled by jsii-rosetta in strict mode (a snippet that does not compile
// fails the build), so the Python translations in the docs are real.
project.package.file.addOverride('jsii.metadata.jsii.rosetta.strict', true);

// Source maps beside the JavaScript (lib/**/*.js.map, sources inside) instead of inline: node
// reads and scans every byte of a module it loads, and inline maps with sources made the
// modules an app of roles loads 2.4x larger (about 3 ms of each cold `cdk synth`).
project.tsconfig?.file.addOverride('compilerOptions.inlineSourceMap', false);
project.tsconfig?.file.addOverride('compilerOptions.sourceMap', true);
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile the README and doc examples with jsii-rosetta (strict) and translate them',
  exec: 'jsii-rosetta extract --fail',
});
const docgenPython = project.addTask('docgen:python', {
  description: 'Python edition of the README and API reference, with the examples translated by jsii-rosetta',
  exec: 'jsii-docgen --language python --readme --output docs/python/README.md',
});
project.postCompileTask.prependSpawn(rosetta);
project.postCompileTask.spawn(docgenPython);

// schema/role-catalog.schema.json (shipped in the package, for editors) is written from the schema
// object in src/catalog/catalog-schema.ts on every build, before jsii compiles: ts-node reads
// src/ directly, so it needs no lib/. test/catalog/schema-file.test.ts fails while the
// committed file differs from the object.
const schemaCatalog = project.addTask('schema:catalog', {
  description: 'Write schema/role-catalog.schema.json from the schema object in src/catalog/catalog-schema.ts',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'ts-node --project scripts/tsconfig.json scripts/write-catalog-schema.ts',
});
project.preCompileTask.spawn(schemaCatalog);

// src/validation/policy-grammar.generated.ts: the IAM policy grammar (src/validation/policy-schema.ts)
// compiled by ajv into standalone code before jsii compiles, so no `cdk synth` pays for compiling
// it (about 140 ms per process). test/validation/policy-grammar-generated.test.ts fails while the
// committed file is stale; the build's drift check catches an uncommitted one.
const schemaPolicy = project.addTask('schema:policy', {
  description: 'Write src/validation/policy-grammar.generated.ts (ajv standalone code) from src/validation/policy-schema.ts',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'ts-node --project scripts/tsconfig.json scripts/write-policy-validators.ts',
});
project.preCompileTask.spawn(schemaPolicy);

// The example app, synthesized offline by the real `cdk` CLI.
project.addTask('synth:example', {
  description: 'Synthesize the TypeScript example app with the cdk CLI (offline, no AWS credentials)',
  cwd: 'examples/typescript',
  env: { TS_NODE_TRANSPILE_ONLY: '1', AWS_REGION: 'us-east-1' },
  exec: 'npx cdk synth --quiet --no-notices --no-version-reporting --no-path-metadata --no-asset-metadata --output cdk.out',
});

// The examples are type-checked, linted and run by ts-node through their own tsconfig.
new JsonFile(project, 'examples/tsconfig.json', {
  obj: {
    extends: '../tsconfig.json',
    compilerOptions: { rootDir: '..', noEmit: true, noUnusedLocals: false },
    include: ['**/*.ts', '../src/**/*.ts'],
    exclude: ['**/cdk.out/**'],
  },
});
project.eslint?.addLintPattern('examples');

// Integ tests (integ/integ.*.ts, their committed snapshots beside them, their shared helper in
// integ/support/). The snapshot check needs no AWS account and runs with the tests; updating
// snapshots never deploys (--dry-run); deploying is for users with an account.
const INTEG_ENV = { TS_NODE_TRANSPILE_ONLY: '1', AWS_REGION: 'us-east-1' };
const INTEG = 'integ-runner --language typescript --directory integ --parallel-regions us-east-1 --max-workers 2';
const integ = project.addTask('integ', {
  description: 'Check the integ tests against their committed snapshots (no AWS access)',
  env: INTEG_ENV,
  exec: INTEG,
  receiveArgs: true,
});
project.addTask('integ:update', {
  description: 'Rewrite the integ snapshots from the current code WITHOUT deploying (--dry-run)',
  env: INTEG_ENV,
  exec: `${INTEG} --update-on-failed --dry-run`,
  receiveArgs: true,
});
project.addTask('integ:deploy', {
  description: 'Deploy the integ tests to YOUR AWS account, run their assertions, then destroy them (needs credentials; never run in CI)',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'integ-runner --language typescript --directory integ --update-on-failed --force',
  receiveArgs: true,
});
project.testTask.spawn(integ);
project.tsconfigDev.file.addOverride('include', ['src/**/*.ts', 'test/**/*.ts', 'integ/**/*.ts']);
project.eslint?.addLintPattern('integ');
project.eslint?.allowDevDeps('integ/**');
// typescript-eslint's project service finds only files named tsconfig.json, so tests and integ
// tests (in tsconfig.dev.json) are linted through explicit projects, one per folder's tsconfig.
project.eslint?.file.addDeletionOverride('parserOptions.projectService');
project.eslint?.file.addOverride('parserOptions.project', [
  './tsconfig.dev.json', './examples/tsconfig.json', './scripts/tsconfig.json', './bench/tsconfig.json', './projenrc/tsconfig.json',
]);
project.eslint?.file.addOverride('settings.import/resolver.typescript.project', './tsconfig.dev.json');

// Python: generate the bindings of this library (and of aws-cdk-lib / constructs, from their
// npm packages), compile them, and type-check the Python example against them.
// Part of the test command: a wrong prop name or type in the Python example fails the tests.
const testPython = project.addTask('test:python', {
  description: 'Generate Python bindings with jsii-pacmak --code-only, py_compile them, and type-check examples/python with pyright',
  exec: 'bash scripts/python-check.sh',
});
project.testTask.spawn(testPython);

// Python for real: the wheel jsii-pacmak builds (the one published to PyPI), installed with pinned
// aws-cdk-lib and constructs into a fresh venv (.test-venv/, from test/python/requirements.txt and
// constraints.txt), imported by a pytest suite, running examples/python with the cdk CLI; the
// templates of both examples compared, and cfn-lint over every template. Needs PyPI.
const testWheel = project.addTask('test:wheel', {
  description: 'Build the Python wheel, install it in .test-venv, run pytest (test/python, test/templates: identical examples, cfn-lint)',
  exec: 'bash scripts/python-test.sh',
});
project.testTask.spawn(testWheel);

// The integ tests' stacks deployed with the cdk CLI to a local emulator (moto_server on 127.0.0.1),
// every role read back through IAM, then destroyed. In the test task it reuses the venv that
// test:wheel has just made (--venv-ready).
const integLocal = project.addTask('integ:local', {
  description: 'Deploy the integ stacks to a local AWS emulator (moto) with the cdk CLI, read every role back through IAM, destroy',
  exec: 'bash scripts/integ-local.sh',
  receiveArgs: true,
});
project.testTask.spawn(integLocal, { args: ['--venv-ready'] });

// Benchmarks (not tests): our constructs against plain iam.Role, in the same process run.
const bench = project.addTask('bench', {
  description: 'Benchmark cold and warm synth, the checks, memory, resources and template bytes per role against plain iam.Role',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
});
// The cold processes load the compiled package (lib/), as users do: compile it when stale.
bench.exec('bash scripts/jsii-if-stale.sh >&2');
bench.exec('node --expose-gc -r ts-node/register bench/run.ts', { receiveArgs: true });
// jsii's Python runtime runs a bin script straight from the package tarball, without npm's
// install step that marks bins executable: the mode must already be in the tarball.
project.compileTask.exec('chmod +x lib/cli/main.js');
// lib/index.js loads each module on first use of one of its exports (an app that makes roles
// does not load the review, the catalog or the rollout): see scripts/lazy-index.js.
project.compileTask.exec('node scripts/lazy-index.js');
// The modules an app of roles loads, packed into one file (lib/packed-modules.js, with one
// source map): a cold `cdk synth` reads and compiles one file instead of ~90. See scripts/pack-lib.js.
project.compileTask.exec('node scripts/pack-lib.js');

project.addTask('bench:review', {
  description: 'Benchmark the review of a 2,000-role assembly (5 stacks) and the diff of two (needs npx projen compile for the command figures)',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'node --expose-gc -r ts-node/register bench/review.ts',
});
project.eslint?.addLintPattern('bench');
// Benchmarks and build scripts are not shipped: they may use the dev dependencies.
project.eslint?.allowDevDeps('bench/**');
project.eslint?.allowDevDeps('scripts/**');
project.eslint?.addLintPattern('scripts');

// Files written by tools and scripts, not by hand: collapsed in diffs and left out of language
// statistics. (API.md, *.snap and projen's own files are marked by projen.)
for (const pattern of [
  '/schema/role-catalog.schema.json', // npx projen schema:catalog (part of the build)
  '/src/validation/policy-grammar.generated.ts', // npx projen schema:policy (part of the build)
  '/docs/python/README.md', // npx projen docgen:python (part of the build)
  '/integ/*.snapshot/**', // integ-runner: npx projen integ:update
  '/test/python/constraints.txt', // scripts/python-freeze.sh
]) {
  project.gitattributes.addAttributes(pattern, 'linguist-generated');
}

project.synth();
