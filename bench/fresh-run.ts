/** One construct + synth in a fresh child process (see fresh-run-child.ts). */
import { fork } from 'child_process';
import * as path from 'path';
import { Layout, Subject } from './measure';

/** What the child reports. */
export interface FreshRun {
  readonly peakRssMb: number;
  readonly peakDeltaMb: number;
  readonly constructMs: number;
  readonly synthMs: number;
}

export function freshRun(subject: Subject, layout: Layout): Promise<FreshRun> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'fresh-run-child.ts'), [subject, String(layout.stacks), String(layout.perStack)], {
      execArgv: ['--expose-gc', '-r', 'ts-node/register'],
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: FreshRun | undefined;
    child.on('message', (m) => { result = m as FreshRun; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`fresh run of ${subject} exited with code ${code}`))));
  });
}
