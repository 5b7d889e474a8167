/**
 * Benchmark: what cdk-assumable-roles costs next to plain aws-cdk-lib `iam.Role` built for
 * the same trust policy, policies and boundary, in the same process.
 *
 *   npx projen bench            full run (10, 100, 400 roles in one stack; 2,000 in 5 stacks)
 *   npx projen bench --quick    10 and 100 roles only
 *
 * Exits non-zero only when something fails, never because something is slow.
 */
import * as os from 'os';
import { attribution } from './attribution';
import { CLI_CONTEXT, cliContextSize } from './cli-context';
import { ColdRun, coldRun } from './cold-run';
import { checkEquivalence } from './equivalence';
import { evaluationSection } from './evaluation';
import { limitOutcomes } from './limit';
import { loadAverage, machineLines } from './machine';
import { Layout, median, roleCount, RunResult, runOnce, Subject } from './measure';
import { DISTINCT_SCENARIOS, SCENARIOS } from './scenarios';
import { markdownTable, num, pair, percent, ratio } from './table';
import { warmProcess } from './warm-run';

interface Size {
  readonly layout: Layout;
  /** Warm processes, per subject. */
  readonly warmProcesses: number;
  /** Untimed runs at the start of each warm process. */
  readonly warmups: number;
  /** Timed runs in each warm process. */
  readonly runs: number;
  /** Cold processes, per variant. */
  readonly coldRuns: number;
}

// A warm process reaches its steady speed only after some 3,000-4,000 roles built (the JIT's tiers
// and the heap's growth; at 400 roles, runs 1-8 of a process take 1.2-3× the later ones): each
// process builds at least 4,000 roles untimed first. One process's median still differs from
// another's of the same subject by 10-20% here (where the JIT and the garbage collector happen to
// land), more than runs within a process differ: many processes per subject, each with a few
// timed runs, and the median of all their runs. At 400 and 2,000 roles, where runs are long and
// few, the medians of 8×5 and 5×3 runs moved by 5-10% from one bench run to the next (and the
// checks' per-role cost at 2,000 by more): 12×5 and 8×4 runs, and more cold processes.
const FULL_SIZES: Size[] = [
  { layout: { stacks: 1, perStack: 10 }, warmProcesses: 10, warmups: 400, runs: 21, coldRuns: 25 },
  { layout: { stacks: 1, perStack: 100 }, warmProcesses: 10, warmups: 40, runs: 11, coldRuns: 21 },
  { layout: { stacks: 1, perStack: 400 }, warmProcesses: 12, warmups: 10, runs: 5, coldRuns: 11 },
  // CloudFormation allows 500 resources per stack: 2,000 roles need several stacks.
  { layout: { stacks: 5, perStack: 400 }, warmProcesses: 8, warmups: 2, runs: 4, coldRuns: 7 },
];
const SUBJECTS: Subject[] = ['plain', 'ours', 'ours-nochecks'];

/** The goals of the benchmark (issue 14): ours ÷ plain at most 1.10, checks at most 10% of our synth. */
const RATIO_GOAL = 1.10;
const CHECKS_SHARE_GOAL = 0.10;
/** The per-role cost of the checks at 100 and at 2,000 roles: within 20% of each other (linear growth). */
const GROWTH_GOAL = 0.20;

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
  readonly cold: Record<'ours' | 'plain', ColdRun[]>;
  /** The 1-minute load average right after this size's runs. */
  readonly load: number;
}

function med<T>(results: T[], pick: (r: T) => number): number {
  return median(results.map(pick));
}

async function measureSize(size: Size): Promise<SizeResult> {
  const runs: Record<Subject, RunResult[]> = { 'plain': [], 'ours': [], 'ours-nochecks': [] };
  for (let round = 0; round < size.warmProcesses; round++) {
    // Rotate the order, so no subject always runs right after the same other one.
    const order = SUBJECTS.map((_, i) => SUBJECTS[(i + round) % SUBJECTS.length]);
    for (const subject of order) {
      const results = await warmProcess(subject, size.layout, size.warmups, size.runs);
      runs[subject].push(...results);
      log(`${sizeLabel(size.layout)} roles, warm process ${round + 1}/${size.warmProcesses}, ${subject}: median construct ${num(med(results, (r) => r.constructMs))} ms, `
        + `synth ${num(med(results, (r) => r.synthMs))} ms`);
    }
  }
  const cold: Record<'ours' | 'plain', ColdRun[]> = { ours: [], plain: [] };
  for (let round = 0; round < size.coldRuns; round++) {
    for (const variant of (round % 2 ? ['ours', 'plain'] : ['plain', 'ours']) as Array<'ours' | 'plain'>) {
      const result = await coldRun(variant, size.layout);
      cold[variant].push(result);
      log(`${sizeLabel(size.layout)} roles, cold process ${round + 1}/${size.coldRuns}, ${variant}: ${num(result.totalMs)} ms, peak RSS ${num(result.peakRssMb)} MB`);
    }
  }
  return { size, runs, cold, load: os.loadavg()[0] };
}

const warmTotal = (r: RunResult) => r.constructMs + r.synthMs;

/** `1.04× ✓` or `1.23× ✗` against a goal of at most `goal`. */
function against(value: number, goal: number, text: string): string {
  return `${text} ${value <= goal ? '✓' : '✗'}`;
}

function goalsTable(results: SizeResult[]): { table: string; met: boolean } {
  let met = true;
  const check = (value: number, goal: number, text: string) => {
    met &&= value <= goal;
    return against(value, goal, text);
  };
  const rows = results.map(({ size, runs, cold }) => {
    const n = roleCount(size.layout);
    const [o, p] = [runs.ours, runs.plain];
    const coldRatio = med(cold.ours, (r) => r.totalMs) / med(cold.plain, (r) => r.totalMs);
    const warmRatio = med(o, warmTotal) / med(p, warmTotal);
    const checksShare = med(o, (r) => r.checksMs) / med(o, (r) => r.synthMs);
    const rssRatio = med(cold.ours, (r) => r.peakRssMb) / med(cold.plain, (r) => r.peakRssMb);
    const resourcesRatio = med(o, (r) => r.resources) / med(p, (r) => r.resources);
    const bytesRatio = med(o, (r) => r.templateBytes) / med(p, (r) => r.templateBytes);
    return [
      sizeLabel(size.layout),
      check(coldRatio, RATIO_GOAL, ratio(coldRatio, 1)),
      check(warmRatio, RATIO_GOAL, ratio(warmRatio, 1)),
      check(checksShare, CHECKS_SHARE_GOAL, percent(checksShare, 1)),
      check(rssRatio, RATIO_GOAL, ratio(rssRatio, 1)),
      check(resourcesRatio, 1, ratio(resourcesRatio, 1)),
      check(bytesRatio, 1, ratio(bytesRatio, 1)),
      `${num(1000 * med(o, (r) => r.checksMs) / n, 1)} µs`,
    ];
  });
  // Linear growth: the checks' cost per role at 100 roles and at the largest size.
  const perRole = (r: SizeResult) => med(r.runs.ours, (x) => x.checksMs) / roleCount(r.size.layout);
  const at100 = results.find((r) => roleCount(r.size.layout) === 100);
  const largest = results[results.length - 1];
  let growth = '';
  if (at100 && largest !== at100) {
    const change = Math.abs(perRole(largest) / perRole(at100) - 1);
    met &&= change <= GROWTH_GOAL;
    growth = `Checks per role: ${num(1000 * perRole(at100), 1)} µs at 100 roles, ${num(1000 * perRole(largest), 1)} µs at ${num(roleCount(largest.size.layout))} `
      + `(${(100 * change).toFixed(0)}% apart; goal: within ${100 * GROWTH_GOAL}%) ${change <= GROWTH_GOAL ? '✓' : '✗'}`;
  }
  const table = markdownTable(
    ['Roles', 'Cold process, ours ÷ plain', 'Warm construct + synth, ours ÷ plain', 'Checks, share of our synth', 'Peak RSS, ours ÷ plain',
      'Resources/role', 'Template bytes/role', 'Checks per role'],
    rows);
  return { table: growth ? `${table}\n\n${growth}` : table, met };
}

function warmTable(results: SizeResult[]): string {
  return markdownTable(
    ['Roles', 'Construct ms', 'Synth ms', 'Construct + synth ms', 'Synth CPU ms', 'Retained heap MB', 'Resources/role', 'Template bytes/role', 'Load'],
    results.map(({ size, runs, load }) => {
      const n = roleCount(size.layout);
      const [o, p] = [runs.ours, runs.plain];
      return [
        `${sizeLabel(size.layout)}, median of ${size.warmProcesses}×${size.runs}`,
        pair(med(o, (r) => r.constructMs), med(p, (r) => r.constructMs)),
        pair(med(o, (r) => r.synthMs), med(p, (r) => r.synthMs)),
        pair(med(o, warmTotal), med(p, warmTotal)),
        pair(med(o, (r) => r.synthCpuMs), med(p, (r) => r.synthCpuMs)),
        pair(med(o, (r) => r.retainedHeapMb ?? NaN), med(p, (r) => r.retainedHeapMb ?? NaN), 1),
        pair(med(o, (r) => r.resources) / n, med(p, (r) => r.resources) / n, 2),
        pair(med(o, (r) => r.templateBytes) / n, med(p, (r) => r.templateBytes) / n, 1),
        load.toFixed(2),
      ];
    }),
  );
}

function checksTable(results: SizeResult[]): string {
  return markdownTable(
    ['Roles', 'Ours synth ms', 'Checking ms', 'Share of synth', 'Per role', 'Ours, checks off, synth ms', 'Checks-off ÷ plain synth'],
    results.map(({ size, runs }) => {
      const ours = med(runs.ours, (r) => r.synthMs);
      const off = med(runs['ours-nochecks'], (r) => r.synthMs);
      const plain = med(runs.plain, (r) => r.synthMs);
      const checks = med(runs.ours, (r) => r.checksMs);
      return [sizeLabel(size.layout), num(ours), num(checks, 1), percent(checks, ours), `${num(1000 * checks / roleCount(size.layout), 1)} µs`, num(off), ratio(off, plain)];
    }),
  );
}

function coldTable(results: SizeResult[]): string {
  return markdownTable(
    ['Roles', 'Load modules ms', 'Construct ms', 'Synth ms', 'Total ms', 'Peak RSS MB', 'Peak RSS rise MB'],
    results.map(({ size, cold: { ours, plain } }) => [
      `${sizeLabel(size.layout)}, median of ${size.coldRuns}`,
      pair(med(ours, (r) => r.requireMs), med(plain, (r) => r.requireMs)),
      pair(med(ours, (r) => r.constructMs), med(plain, (r) => r.constructMs)),
      pair(med(ours, (r) => r.synthMs), med(plain, (r) => r.synthMs)),
      pair(med(ours, (r) => r.totalMs), med(plain, (r) => r.totalMs)),
      pair(med(ours, (r) => r.peakRssMb), med(plain, (r) => r.peakRssMb)),
      pair(med(ours, (r) => r.peakRiseMb), med(plain, (r) => r.peakRiseMb)),
    ]),
  );
}

/**
 * The checks when no two roles have equal documents: the checks that read only a role's documents
 * run once per distinct content (src/validation/role-checks.ts), so the tables above, where roles
 * of one kind are alike, show them at their cheapest; this is their cost when nothing is shared.
 */
function distinctTable(layout: Layout, runs: number): string {
  const results: Record<Subject, RunResult[]> = { 'plain': [], 'ours': [], 'ours-nochecks': [] };
  // The checks keep the messages of each distinct content across syntheses in one process, so
  // every run builds roles no earlier run built (their documents derive from the construct ids).
  let firstId = 0;
  const next = () => (firstId += roleCount(layout)) - roleCount(layout);
  for (const subject of SUBJECTS) runOnce(subject, layout, undefined, DISTINCT_SCENARIOS, next());
  for (let round = 0; round < runs; round++) {
    for (const subject of SUBJECTS.map((_, i) => SUBJECTS[(i + round) % SUBJECTS.length])) {
      results[subject].push(runOnce(subject, layout, undefined, DISTINCT_SCENARIOS, next()));
    }
  }
  log(`distinct documents: ${sizeLabel(layout)} roles done`);
  const [o, p] = [results.ours, results.plain];
  const checks = med(o, (r) => r.checksMs);
  const synth = med(o, (r) => r.synthMs);
  return markdownTable(
    ['Roles', 'Warm construct + synth ms', 'Synth ms', 'Checking ms', 'Share of synth', 'Per role', 'Checks-off ÷ plain synth'],
    [[
      `${sizeLabel(layout)}, median of ${runs}`,
      pair(med(o, warmTotal), med(p, warmTotal)),
      pair(synth, med(p, (r) => r.synthMs)),
      num(checks, 1),
      percent(checks, synth),
      `${num(1000 * checks / roleCount(layout), 1)} µs`,
      ratio(med(results['ours-nochecks'], (r) => r.synthMs), med(p, (r) => r.synthMs)),
    ]]);
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
  for (const scenario of [...SCENARIOS, ...DISTINCT_SCENARIOS]) {
    const eq = checkEquivalence(scenario);
    print(`- ${eq.kind} (${scenario.description}): ${eq.equivalent ? 'equivalent' : `NOT equivalent: ${eq.differences.join('; ')}`}`);
    if (!eq.equivalent) {
      errors.push(`${eq.kind}: the plain iam.Role does not synthesize to the same role as ours, so the comparison is void`);
    }
  }
  print('');

  // Warm-up: JIT and one-time costs out of the timed warm runs (the cold processes pay them).
  for (const subject of SUBJECTS) runOnce(subject, { stacks: 1, perStack: 20 });

  const sizes = quick ? FULL_SIZES.slice(0, 2) : FULL_SIZES;
  const results: SizeResult[] = [];
  for (const size of sizes) {
    results.push(await measureSize(size));
  }

  const goals = goalsTable(results);
  print('## Goals: ours ÷ plain iam.Role',
    '',
    `Medians; ✓ within the goal (ratios at most ${RATIO_GOAL.toFixed(2)}×, the checks at most ${100 * CHECKS_SHARE_GOAL}% of our synth, resources and`,
    'template bytes per role unchanged), ✗ not. Cold: one process per run, loading aws-cdk-lib and the compiled package, constructing and',
    'synthesizing once, as `cdk synth` runs an app. Warm: construct + `app.synth()` in warm processes that build only that subject (8-12',
    'processes per subject, the median of all their runs), each run on a fresh App. Peak RSS: of the cold processes.',
    '',
    goals.table,
    '');

  print('## Warm process',
    '',
    'Roles cycle through ServiceRole, CrossAccountRole, IrsaRole and BoundedRole (a quarter each). Each cell is',
    '`ours / plain (ours÷plain)`. Each warm process loads aws-cdk-lib and (ours) the compiled package, builds one subject only,',
    'as an app\'s process does, builds 4,000 roles untimed (warm-up), then runs the timed runs, each on a fresh App with no forced garbage',
    'collection before it; times are medians of all runs of all processes of the subject (processes × runs). Synth is',
    '`app.synth()` after construction. Retained heap, from one more run per process: the heap in use after synth (GC forced,',
    'app alive) above the heap before the run. Load is the 1-minute load average right after the row\'s runs (the machine has',
    'the CPUs listed above).',
    '',
    warmTable(results),
    '');

  print('## The checks',
    '',
    'Checking: the time spent where each stack\'s template is written (src/validation/stack-checkpoint.ts): every check of',
    'every role, the trust graph and the size limits. "Checks off" skips them there.',
    '',
    checksTable(results),
    '');

  print('## Cold process (one synth per process, as `cdk synth` runs)', '', coldTable(results), '');

  const distinctLayout: Layout = { stacks: 1, perStack: quick ? 100 : 400 };
  print('## The checks when no two roles have equal documents',
    '',
    'Above, roles of one kind have equal documents, as many of an app\'s roles do (every function\'s role trusts lambda with',
    'the same condition), and the checks that read only a role\'s documents run once per distinct content. Here every role\'s',
    'account, ExternalId, service accounts, repository and bucket differ, so every role is checked in full: the checks\' cost',
    'when nothing is shared. Runs interleaved in this (bench) process, no garbage collection forced before a run,',
    '`ours / plain (ours÷plain)`.',
    '',
    distinctTable(distinctLayout, quick ? 3 : 5),
    '');

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

    log('profiling 400 roles, ours and plain');
    print('## Where the time goes: CPU profile of one construct + synth of 400 roles (one stack)', '',
      await attribution({ stacks: 1, perStack: 400 }), '');
  }

  const evaluation = await evaluationSection({ runJest: !quick, rounds: quick ? 5 : 20, log });
  print('## Trust evaluation, time per evaluated case', '', evaluation.text, '');

  print(`Whole run: ${num((performance.now() - started) / 1000, 1)} s wall; load average at end: ${loadAverage()}`);
  errors.push(...evaluation.errors);
  if (!goals.met) {
    print('Not every goal is met on this machine in this run (✗ above).');
  }
  if (errors.length > 0) {
    throw new Error(`the bench found errors:\n${errors.join('\n')}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
