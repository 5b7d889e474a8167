/**
 * Benchmark: what cdk-assumable-roles costs next to plain aws-cdk-lib `iam.Role` built for
 * the same trust policy, policies and boundary, in the same process.
 *
 *   npx projen bench            full run (10, 100, 500 roles in one stack; 2,000 in 5 stacks)
 *   npx projen bench --quick    10 and 100 roles only
 *
 * Exits non-zero only when something fails, never because something is slow.
 */
import * as os from 'os';
import { attribution } from './attribution';
import { CLI_CONTEXT, cliContextSize } from './cli-context';
import { checkEquivalence } from './equivalence';
import { evaluationSection } from './evaluation';
import { freshRun, FreshRun } from './fresh-run';
import { limitOutcomes } from './limit';
import { loadAverage, machineLines } from './machine';
import { Layout, median, roleCount, RunResult, runOnce, Subject } from './measure';
import { SCENARIOS } from './scenarios';
import { markdownTable, num, pair, percent, ratio } from './table';

interface Size {
  readonly layout: Layout;
  readonly runs: number;
}

const FULL_SIZES: Size[] = [
  { layout: { stacks: 1, perStack: 10 }, runs: 5 },
  { layout: { stacks: 1, perStack: 100 }, runs: 5 },
  { layout: { stacks: 1, perStack: 500 }, runs: 3 },
  // CloudFormation allows 500 resources per stack: 2,000 roles need several stacks.
  { layout: { stacks: 5, perStack: 400 }, runs: 3 },
];
const SUBJECTS: Subject[] = ['plain', 'ours', 'ours-nochecks'];

const START = performance.now();

function log(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - START) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}

function sizeLabel(layout: Layout): string {
  return layout.stacks === 1 ? num(layout.perStack) : `${num(roleCount(layout))} (${layout.stacks}×${layout.perStack})`;
}

interface SizeResult {
  readonly size: Size;
  readonly runs: Record<Subject, RunResult[]>;
  readonly fresh: Record<'ours' | 'plain', FreshRun>;
  /** The 1-minute load average right after this size's runs. */
  readonly load: number;
}

function med(results: RunResult[], pick: (r: RunResult) => number): number {
  return median(results.map(pick));
}

async function measureSize(size: Size): Promise<SizeResult> {
  const runs: Record<Subject, RunResult[]> = { 'plain': [], 'ours': [], 'ours-nochecks': [] };
  for (let round = 0; round < size.runs; round++) {
    // Rotate the order, so no subject always runs right after the same other one.
    const order = SUBJECTS.map((_, i) => SUBJECTS[(i + round) % SUBJECTS.length]);
    for (const subject of order) {
      const result = runOnce(subject, size.layout);
      runs[subject].push(result);
      log(`${sizeLabel(size.layout)} roles, run ${round + 1}/${size.runs}, ${subject}: construct ${num(result.constructMs)} ms, synth ${num(result.synthMs)} ms`);
    }
  }
  const fresh = { ours: await freshRun('ours', size.layout), plain: await freshRun('plain', size.layout) };
  log(`${sizeLabel(size.layout)} roles, fresh process: ours ${num(fresh.ours.peakRssMb)} MB, plain ${num(fresh.plain.peakRssMb)} MB peak RSS`);
  return { size, runs, fresh, load: os.loadavg()[0] };
}

function mainTable(results: SizeResult[]): string {
  return markdownTable(
    ['Roles', 'Construct ms', 'Synth ms', 'Synth CPU ms', 'Peak RSS MB', 'Retained heap MB', 'Resources/role', 'Template bytes/role', 'Load'],
    results.map(({ size, runs, fresh, load }) => {
      const n = roleCount(size.layout);
      const [o, p] = [runs.ours, runs.plain];
      return [
        `${sizeLabel(size.layout)}, median of ${size.runs}`,
        pair(med(o, (r) => r.constructMs), med(p, (r) => r.constructMs)),
        pair(med(o, (r) => r.synthMs), med(p, (r) => r.synthMs)),
        pair(med(o, (r) => r.synthCpuMs), med(p, (r) => r.synthCpuMs)),
        pair(fresh.ours.peakRssMb, fresh.plain.peakRssMb),
        pair(med(o, (r) => r.retainedHeapMb), med(p, (r) => r.retainedHeapMb), 1),
        pair(med(o, (r) => r.resources) / n, med(p, (r) => r.resources) / n, 2),
        pair(med(o, (r) => r.templateBytes) / n, med(p, (r) => r.templateBytes) / n, 1),
        load.toFixed(2),
      ];
    }),
  );
}

function checksTable(results: SizeResult[]): string {
  return markdownTable(
    ['Roles', 'Ours synth ms', 'RoleChecks.visit ms', 'Share of synth', 'Ours, checks off, synth ms', 'Ours − ours-checks-off', 'Checks-off / plain synth'],
    results.map(({ size, runs }) => {
      const ours = med(runs.ours, (r) => r.synthMs);
      const off = med(runs['ours-nochecks'], (r) => r.synthMs);
      const plain = med(runs.plain, (r) => r.synthMs);
      const visit = med(runs.ours, (r) => r.checksMs);
      return [sizeLabel(size.layout), num(ours), num(visit), percent(visit, ours), num(off), num(ours - off), ratio(off, plain)];
    }),
  );
}

function freshTable(results: SizeResult[]): string {
  return markdownTable(
    ['Roles', 'Cold construct ms', 'Cold synth ms', 'Cold total ms', 'Peak RSS rise MB'],
    results.map(({ size, fresh: { ours, plain } }) => [
      sizeLabel(size.layout),
      pair(ours.constructMs, plain.constructMs),
      pair(ours.synthMs, plain.synthMs),
      pair(ours.constructMs + ours.synthMs, plain.constructMs + plain.synthMs),
      pair(ours.peakDeltaMb, plain.peakDeltaMb),
    ]),
  );
}

function perKindTable(roles: number, runs: number): string {
  const rows = SCENARIOS.map((scenario, k) => {
    // All roles of this one kind (build() passes `scenario` down to addRoles as `only`).
    const results: Record<'ours' | 'plain', RunResult[]> = { ours: [], plain: [] };
    for (let round = 0; round < runs; round++) {
      for (const subject of (round % 2 ? ['ours', 'plain'] : ['plain', 'ours']) as Array<'ours' | 'plain'>) {
        results[subject].push(runOnce(subject, { stacks: 1, perStack: roles }, scenario));
      }
    }
    log(`per kind: ${scenario.name} done (${k + 1}/${SCENARIOS.length})`);
    const [o, p] = [results.ours, results.plain];
    return [
      `${scenario.name} (${scenario.description})`,
      pair(med(o, (r) => r.constructMs), med(p, (r) => r.constructMs)),
      pair(med(o, (r) => r.synthMs), med(p, (r) => r.synthMs)),
      percent(med(o, (r) => r.checksMs), med(o, (r) => r.synthMs)),
      pair(med(o, (r) => r.templateBytes) / roles, med(p, (r) => r.templateBytes) / roles, 1),
    ];
  });
  return markdownTable(['Kind', 'Construct ms', 'Synth ms', 'Checks share of ours synth', 'Template bytes/role'], rows);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--quick');
  if (unknown.length > 0) {
    throw new Error(`unknown argument(s) ${unknown.join(' ')}; usage: npx projen bench [--quick]`);
  }
  const quick = args.includes('--quick');
  const started = performance.now();
  const print = (...lines: string[]) => console.log(lines.join('\n'));

  print('# cdk-assumable-roles benchmark', '', `Mode: ${quick ? 'quick (--quick)' : 'full'}`, '', ...machineLines(),
    `- load average (1/5/15 min) at start: ${loadAverage()}`, '');

  // Errors found along the way: reported at the end, after everything is printed, with a non-zero exit.
  const errors: string[] = [];
  print('## Equivalence (synthesized AWS::IAM::Role Properties, ours vs plain iam.Role)', '');
  for (const scenario of SCENARIOS) {
    const eq = checkEquivalence(scenario);
    print(`- ${eq.kind} (${scenario.description}): ${eq.equivalent ? 'equivalent' : `NOT equivalent: ${eq.differences.join('; ')}`}`);
    if (!eq.equivalent) {
      errors.push(`${eq.kind}: the plain iam.Role does not synthesize to the same role as ours, so the comparison is void`);
    }
  }
  print('');

  // Warm-up: JIT and one-time costs (e.g. ajv schema compilation) out of the timed runs.
  for (const subject of SUBJECTS) runOnce(subject, { stacks: 1, perStack: 20 });

  const sizes = quick ? FULL_SIZES.slice(0, 2) : FULL_SIZES;
  const results: SizeResult[] = [];
  for (const size of sizes) {
    results.push(await measureSize(size));
  }

  print('## Ours vs plain iam.Role',
    '',
    'Roles cycle through ServiceRole, CrossAccountRole, IrsaRole and BoundedRole (a quarter each). Each cell is',
    '`ours / plain (ours÷plain)`. Times are medians of runs in one warm process, each on a fresh App; synth is',
    '`app.synth()` after construction. Peak RSS comes from one extra run in a fresh child process, whose ~170 MB',
    'baseline is mostly ts-node and the TypeScript compiler (the run\'s own rise is in the fresh-process table). Retained heap is',
    'the heap in use after synth (GC forced, app alive) above the heap before the run. Load is the 1-minute load',
    'average right after the row\'s runs (the machine has the CPUs listed above).',
    '',
    mainTable(results),
    '');

  print('## The checks (RoleChecks aspect)',
    '',
    '`RoleChecks.visit` wrapped in this process to add up its time during synth (all checks of a role, including',
    'the trust-cycle search), and, for "checks off", replaced by a no-op (no change to src/).',
    '',
    checksTable(results),
    '');

  print('## Fresh process (one synth per process, as `cdk synth` runs)', '', freshTable(results), '');

  if (!quick) {
    const perKindRoles = 100;
    print(`## Per kind, ${perKindRoles} roles of one kind in one stack (median of 3)`, '', perKindTable(perKindRoles, 3), '');
  }

  const cliRoles = 100;
  const cliOurs = cliContextSize('ours', cliRoles);
  const cliPlain = cliContextSize('plain', cliRoles);
  print(`## Template bytes per role under the \`cdk synth\` context (${Object.keys(CLI_CONTEXT).join(', ')}), ${cliRoles} roles`, '',
    `- ours / plain: ${pair(cliOurs.bytesPerRole, cliPlain.bytesPerRole, 1)} bytes per role; resources ${cliOurs.resources} / ${cliPlain.resources}`,
    `- the first role's \`aws:cdk:path\` metadata: ours \`${cliOurs.firstPath}\`, plain \`${cliPlain.firstPath}\``, '');

  if (!quick) {
    print('## 501 roles in one stack', '');
    for (const outcome of limitOutcomes()) {
      print(`- ${outcome.label}: ${outcome.ok ? 'ok' : 'error'} after ${num(outcome.ms)} ms of synth: ${outcome.message}`);
    }
    print('');

    log('profiling 500 roles, ours and plain');
    print('## Where the time goes: CPU profile of one construct + synth of 500 roles (one stack)', '',
      await attribution({ stacks: 1, perStack: 500 }), '');
  }

  const evaluation = await evaluationSection({ runJest: !quick, rounds: quick ? 5 : 20, log });
  print('## Trust evaluation, time per evaluated case', '', evaluation.text, '');

  print(`Whole run: ${num((performance.now() - started) / 1000, 1)} s wall; load average at end: ${loadAverage()}`);
  errors.push(...evaluation.errors);
  if (errors.length > 0) {
    throw new Error(`the bench found errors:\n${errors.join('\n')}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
