/**
 * One measured run: a fresh App with roles laid out over stacks, constructed and then
 * synthesized, with wall time, CPU time and heap figures.
 */
import { App, Stack } from 'aws-cdk-lib';
import { checksElapsed, resetChecks, setChecks } from './checks-probe';
import { addRoles, Scenario, SCENARIOS, Variant } from './scenarios';
import { newApp, readOutput } from './template';

/** How many roles, in how many stacks. */
export interface Layout {
  readonly stacks: number;
  readonly perStack: number;
}

/** What is measured: plain iam.Role, our constructs, or ours with the checks disabled. */
export type Subject = Variant | 'ours-nochecks';

/** The figures of one run. */
export interface RunResult {
  readonly constructMs: number;
  readonly synthMs: number;
  readonly synthCpuMs: number;
  /** Time spent in RoleChecks.visit during synth. */
  readonly checksMs: number;
  /**
   * Heap still used after synth with the app alive, above the heap before the run (both after
   * forced collections): measured by the warm processes (bench/warm-run-child.ts), in a run of
   * their own, not by `runOnce`.
   */
  readonly retainedHeapMb?: number;
  readonly resources: number;
  readonly templateBytes: number;
}

export function roleCount(layout: Layout): number {
  return layout.stacks * layout.perStack;
}

/** Builds the roles of a layout into a fresh app: the four kinds in turn, or all of kind `only`. */
export function build(subject: Subject, layout: Layout, only?: Scenario, scenarios: Scenario[] = SCENARIOS, firstId = 0): App {
  const app = newApp();
  for (let s = 0; s < layout.stacks; s++) {
    const stack = new Stack(app, `Bench${s}`);
    addRoles(stack, subject === 'plain' ? 'plain' : 'ours', layout.perStack, firstId + s * layout.perStack, only, scenarios);
  }
  return app;
}

/**
 * Constructs and synthesizes once in this process. No collection is forced before the run: a
 * warm process does not collect its whole heap before each synth, and one that does pays for it
 * (the young generation shrinks, and the run then copies the app it builds in many more
 * scavenges: about twice the time here).
 */
export function runOnce(subject: Subject, layout: Layout, only?: Scenario, scenarios: Scenario[] = SCENARIOS, firstId = 0): RunResult {
  setChecks(subject === 'ours-nochecks' ? 'disabled' : 'timed');
  const t0 = performance.now();
  const app = build(subject, layout, only, scenarios, firstId);
  const t1 = performance.now();
  resetChecks();
  const cpu0 = process.cpuUsage();
  const t2 = performance.now();
  app.synth();
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const checksMs = checksElapsed().ms;
  // synth() is memoized: readOutput reads the same assembly, then removes it.
  const output = readOutput(app);
  setChecks('timed');
  return {
    constructMs: t1 - t0,
    synthMs: t3 - t2,
    synthCpuMs: (cpu.user + cpu.system) / 1000,
    checksMs,
    resources: output.resources,
    templateBytes: output.templateBytes,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
