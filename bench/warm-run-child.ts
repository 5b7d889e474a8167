/**
 * One warm process, as an app's process is when it synthesizes again (a watch loop, a test
 * suite synthesizing many apps): it loads aws-cdk-lib and, for ours, the compiled package,
 * builds and synthesizes one subject's roles `warmups` times untimed (JIT and heap growth), then
 * `runs` times timed, each on a fresh App, with no forced garbage collection before a timed run
 * (a warm process does not collect its whole heap before each synth). Then one more run, untimed,
 * between forced collections, for the heap the app retains and the template it writes. Run as
 * JavaScript by plain node (bench/child-process.ts); reports to the parent through IPC.
 *
 * Arguments: subject stacks perStack warmups runs outdir packageRoot
 */
import * as fs from 'fs';
import * as path from 'path';
import { addScenarioRoles, makeScenarios } from './scenario-kinds';

/** The figures of one timed run. */
export interface WarmTiming {
  readonly constructMs: number;
  readonly synthMs: number;
  readonly synthCpuMs: number;
  /** Time spent in the library's checks during synth (0 for plain and with the checks off). */
  readonly checksMs: number;
}

/** What one warm process reports. */
export interface WarmProcess {
  readonly runs: WarmTiming[];
  /** Heap still used after construct + synth with the app alive, above the heap before (both after forced collections). */
  readonly retainedHeapMb: number;
  readonly resources: number;
  readonly templateBytes: number;
}

function main(): void {
  const [subject, stacks, perStack, warmups, runs, outdir, packageRoot] = process.argv.slice(2);
  /* eslint-disable @typescript-eslint/no-require-imports */
  const cdk = require('aws-cdk-lib');
  const iam = require('aws-cdk-lib/aws-iam');
  const ours = subject !== 'plain';
  const library = ours ? require(packageRoot) : undefined;
  // The switch and timer of the checks (bench/checks-probe.ts), in the package as it ships.
  const checking: { ms: number; disabled: boolean } = ours
    ? require(path.join(packageRoot, 'lib', 'validation', 'stack-checkpoint')).CHECKING
    : { ms: 0, disabled: true };
  /* eslint-enable @typescript-eslint/no-require-imports */
  checking.disabled = subject !== 'ours';
  const scenarios = makeScenarios({ cdk, iam, library: () => library });
  const gc = (global as any).gc as () => void;

  let count = 0;
  const build = () => {
    const app = new cdk.App({ outdir: path.join(outdir, `run-${count++}`) });
    for (let s = 0; s < Number(stacks); s++) {
      addScenarioRoles(scenarios, new cdk.Stack(app, `Bench${s}`), ours ? 'ours' : 'plain', Number(perStack), s * Number(perStack));
    }
    return app;
  };
  const timedRun = (): WarmTiming => {
    const t0 = performance.now();
    const app = build();
    const t1 = performance.now();
    checking.ms = 0;
    const cpu0 = process.cpuUsage();
    const t2 = performance.now();
    app.synth();
    const t3 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const checksMs = checking.ms;
    fs.rmSync(app.outdir, { recursive: true, force: true });
    return { constructMs: t1 - t0, synthMs: t3 - t2, synthCpuMs: (cpu.user + cpu.system) / 1000, checksMs };
  };

  for (let i = 0; i < Number(warmups); i++) timedRun();
  const timings: WarmTiming[] = [];
  for (let i = 0; i < Number(runs); i++) timings.push(timedRun());

  gc();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const app = build();
  const assembly = app.synth();
  gc();
  gc();
  const retainedHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  let templateBytes = 0;
  let resources = 0;
  for (const stack of assembly.stacks) {
    const text = fs.readFileSync(stack.templateFullPath, 'utf8');
    templateBytes += Buffer.byteLength(text);
    resources += Object.keys(JSON.parse(text).Resources ?? {}).length;
  }
  fs.rmSync(app.outdir, { recursive: true, force: true });
  const report: WarmProcess = { runs: timings, retainedHeapMb, resources, templateBytes };
  process.send!(report);
}

// Only as a process of its own (the parent imports this file's types).
if (require.main === module) {
  main();
}
