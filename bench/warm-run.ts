/**
 * Warm processes (bench/warm-run-child.ts): each builds one subject's roles, as an app's process
 * holds only that app, and times several construct + synth runs after untimed warm-up runs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PACKAGE_ROOT, runChild } from './child-process';
import { Layout, RunResult, Subject } from './measure';
import type { WarmProcess } from './warm-run-child';

/** One warm process of `subject`: `warmups` untimed runs, then `runs` timed runs, each a fresh App. */
export async function warmProcess(subject: Subject, layout: Layout, warmups: number, runs: number): Promise<RunResult[]> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-warm-out-'));
  try {
    const report = await runChild<WarmProcess>('warm-run-child',
      [subject, String(layout.stacks), String(layout.perStack), String(warmups), String(runs), outdir, PACKAGE_ROOT], `warm process of ${subject}`);
    const { retainedHeapMb, resources, templateBytes } = report;
    return report.runs.map((timing) => ({ ...timing, retainedHeapMb, resources, templateBytes }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
