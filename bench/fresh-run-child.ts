/**
 * Child process entry: builds and synthesizes one layout once, in a process of its own, as
 * `cdk synth` does. Reports the process's peak RSS (and its rise above the RSS before the
 * run) and the cold construct and synth times, which include one-time costs (JIT, ajv schema
 * compilation). Arguments: subject stacks perStack.
 */
import { build, Subject } from './measure';
import { removeOutput } from './template';

function main(): void {
  const [subject, stacks, perStack] = process.argv.slice(2);
  (global as any).gc?.();
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const app = build(subject as Subject, { stacks: Number(stacks), perStack: Number(perStack) });
  const t1 = performance.now();
  app.synth();
  const t2 = performance.now();
  const peak = process.resourceUsage().maxRSS * 1024;
  process.send!({ peakRssMb: peak / 2 ** 20, peakDeltaMb: (peak - before) / 2 ** 20, constructMs: t1 - t0, synthMs: t2 - t1 });
  removeOutput(app);
}

main();
