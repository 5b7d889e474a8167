/**
 * Cold processes: one construct + synth per process (bench/cold-run-child.ts), ours loading the
 * compiled package and plain loading only aws-cdk-lib.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PACKAGE_ROOT, runChild } from './child-process';
import type { ColdRun } from './cold-run-child';
import { Layout } from './measure';
import { Variant } from './scenario-kinds';

export type { ColdRun } from './cold-run-child';

/** Builds and synthesizes `layout` once in a fresh node process. */
export async function coldRun(variant: Variant, layout: Layout): Promise<ColdRun> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cold-out-'));
  try {
    return await runChild<ColdRun>('cold-run-child', [variant, String(layout.stacks), String(layout.perStack), outdir, PACKAGE_ROOT], `cold run of ${variant}`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
