/**
 * The bench's child processes (bench/cold-run-child.ts, bench/warm-run-child.ts): transpiled
 * with their scenarios to JavaScript once per bench process, and run by plain node (no ts-node),
 * loading aws-cdk-lib from this repository and, for ours, the compiled package (`lib/`, as
 * installed from npm; `npx projen bench` compiles it first when stale).
 */
import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

/** The repository root: the package the children load. */
export const PACKAGE_ROOT = path.resolve(__dirname, '..');
let childDir: string | undefined;

/** The children and their scenarios as JavaScript in a temporary directory (made once per process). */
function childScript(name: string): string {
  if (!childDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-child-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    for (const file of ['cold-run-child', 'warm-run-child', 'scenario-kinds']) {
      const source = fs.readFileSync(path.join(__dirname, `${file}.ts`), 'utf8');
      const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
      fs.writeFileSync(path.join(dir, `${file}.js`), outputText);
    }
    childDir = dir;
  }
  return path.join(childDir, `${name}.js`);
}

/** Runs child `name` with `args` in a fresh node process and resolves with the one message it sends. */
export function runChild<T>(name: 'cold-run-child' | 'warm-run-child', args: string[], label: string): Promise<T> {
  if (!fs.existsSync(path.join(PACKAGE_ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/index.js is missing: run `npx projen compile` (npx projen bench does)');
  }
  return new Promise<T>((resolve, reject) => {
    const child = fork(childScript(name), args, {
      execArgv: ['--expose-gc'],
      // Resolve aws-cdk-lib from this repository, wherever the child script lives.
      env: { ...process.env, NODE_PATH: path.join(PACKAGE_ROOT, 'node_modules') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: T | undefined;
    child.on('message', (m) => { result = m as T; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`${label} exited with code ${code}`))));
  });
}
