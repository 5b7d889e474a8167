/**
 * Cold processes: one construct + synth per process (bench/cold-run-child.ts), ours loading the
 * compiled package (`lib/`, as installed from npm; `npx projen bench` compiles it first when
 * stale) and plain loading only aws-cdk-lib.
 */
import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import type { ColdRun } from './cold-run-child';
import { Layout } from './measure';
import { Variant } from './scenario-kinds';

export type { ColdRun } from './cold-run-child';

const ROOT = path.resolve(__dirname, '..');
let childDir: string | undefined;

/** The child and its scenarios as JavaScript in a temporary directory (made once per process). */
function childScript(): string {
  if (!childDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cold-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    for (const name of ['cold-run-child', 'scenario-kinds']) {
      const source = fs.readFileSync(path.join(__dirname, `${name}.ts`), 'utf8');
      const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
      fs.writeFileSync(path.join(dir, `${name}.js`), outputText);
    }
    childDir = dir;
  }
  return path.join(childDir, 'cold-run-child.js');
}

/** Builds and synthesizes `layout` once in a fresh node process. */
export function coldRun(variant: Variant, layout: Layout): Promise<ColdRun> {
  if (variant === 'ours' && !fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/index.js is missing: run `npx projen compile` (npx projen bench does)');
  }
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cold-out-'));
  return new Promise<ColdRun>((resolve, reject) => {
    // Plain node, no ts-node: the child is JavaScript and loads the compiled package.
    const child = fork(childScript(), [variant, String(layout.stacks), String(layout.perStack), outdir, ROOT], {
      execArgv: ['--expose-gc'],
      // Resolve aws-cdk-lib from this repository, wherever the child script lives.
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ColdRun | undefined;
    child.on('message', (m) => { result = m as ColdRun; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`cold run of ${variant} exited with code ${code}`))));
  }).finally(() => fs.rmSync(outdir, { recursive: true, force: true }));
}
