/**
 * Benchmark of the review (issue 13's scale target: a 2,000-role assembly in 5 stacks reviews in
 * under 2 s on this machine, and a diff of two such assemblies likewise).
 *
 *   npx projen bench:review
 *
 * The assemblies are synthesized once (our constructs, and plain `iam.Role` for the same trust,
 * policies and boundary); then, in this process, the review of each is timed (read + model +
 * render), the diff of two versions, and the command as a user runs it (a spawned
 * `node lib/cli/main.js`, which needs `npx projen compile` first). For scale, the synth of the
 * same app with plain `iam.Role` is printed beside. Prints its figures; never fails for slowness.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { loadAverage, machineLines } from './machine';
import { build, Layout, roleCount } from './measure';
import { markdownTable, num } from './table';
import { ReviewFormat, RoleReview } from '../src';

const LAYOUT: Layout = { stacks: 5, perStack: 400 };
const RUNS = 5;
const BIN = path.join(__dirname, '..', 'lib', 'cli', 'main.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
}

/** Synthesizes the layout and returns the assembly directory and the synth time. */
function synthesize(subject: 'ours' | 'plain', change?: (stack: Stack) => void): { dir: string; synthMs: number } {
  const app = build(subject, LAYOUT);
  change?.(app.node.findChild('Bench0') as Stack);
  const [, synthMs] = timed(() => app.synth());
  return { dir: app.outdir, synthMs };
}

/** A newer version of the app: one account gained, one role added (what a diff must find). */
function widen(stack: Stack): void {
  new iam.Role(stack, 'AddedPartner', { assumedBy: new iam.AccountPrincipal('999988887777') });
}

function reviewMs(dir: string): { read: number; markdown: number; json: number; mermaid: number; roles: number } {
  const read: number[] = [];
  const md: number[] = [];
  const js: number[] = [];
  const mm: number[] = [];
  let roles = 0;
  for (let i = 0; i < RUNS; i++) {
    const [review, r] = timed(() => RoleReview.fromAssembly(dir));
    roles = review.roleCount;
    read.push(r);
    md.push(timed(() => review.render(ReviewFormat.MARKDOWN))[1]);
    js.push(timed(() => review.render(ReviewFormat.JSON))[1]);
    mm.push(timed(() => review.render(ReviewFormat.MERMAID))[1]);
  }
  return { read: median(read), markdown: median(md), json: median(js), mermaid: median(mm), roles };
}

function commandMs(args: string[]): number | undefined {
  if (!fs.existsSync(BIN)) return undefined;
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, [BIN, ...args, '--output', '/dev/null'], { encoding: 'utf-8' });
    if (result.status !== 0 && result.status !== 1) throw new Error(`the command failed: ${result.stderr}`);
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

function main(): void {
  process.stderr.write(`[bench:review] synthesizing ${roleCount(LAYOUT)} roles in ${LAYOUT.stacks} stacks, three times\n`);
  const ours = synthesize('ours');
  const newer = synthesize('ours', widen);
  const plain = synthesize('plain');
  process.stderr.write('[bench:review] timing\n');
  const rows: string[][] = [];
  for (const [name, assembly] of [['this library\'s constructs', ours], ['plain iam.Role', plain]] as const) {
    const r = reviewMs(assembly.dir);
    const command = commandMs(['review', assembly.dir]);
    rows.push([name, num(r.roles), num(assembly.synthMs), num(r.read), num(r.markdown), num(r.json), num(r.mermaid), command === undefined ? 'run `npx projen compile`' : num(command)]);
  }
  const lines = [
    `# Review benchmark: ${num(roleCount(LAYOUT))} roles in ${LAYOUT.stacks} stacks`,
    '',
    ...machineLines(),
    `- load average at the end: ${loadAverage()}`,
    `- medians of ${RUNS} runs in one process (command: of 3 spawned processes), milliseconds`,
    '',
    markdownTable(
      ['assembly', 'roles', 'cdk synth (for scale)', 'read + model', 'Markdown', 'JSON', 'Mermaid', 'command, whole process'],
      rows,
    ),
    '',
  ];
  const diffCommand = commandMs(['review', '--diff', ours.dir, newer.dir]);
  lines.push(`Diff of two ${num(roleCount(LAYOUT))}-role assemblies (one role added, one account gained), command, whole process: ${diffCommand === undefined ? 'run `npx projen compile`' : `${num(diffCommand)} ms`}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
