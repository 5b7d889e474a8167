/**
 * One cold process, as `cdk synth` runs an app: loads aws-cdk-lib and (for ours) the compiled
 * package, builds the roles and synthesizes once. Run as JavaScript by plain node (no ts-node:
 * bench/cold-run.ts transpiles this file and scenario-kinds.ts first), so loading the modules is
 * timed as users pay it. Reports to the parent through IPC.
 *
 * Arguments: variant stacks perStack outdir packageRoot
 */
import { addScenarioRoles, makeScenarios, Variant } from './scenario-kinds';

/** What the child reports. */
export interface ColdRun {
  /** Loading aws-cdk-lib, aws-iam and (ours) the package. */
  readonly requireMs: number;
  readonly constructMs: number;
  readonly synthMs: number;
  /** From loading the modules to the end of synth. */
  readonly totalMs: number;
  readonly peakRssMb: number;
  /** Peak RSS above the RSS before the modules were loaded. */
  readonly peakRiseMb: number;
}

function main(): void {
  const [variant, stacks, perStack, outdir, packageRoot] = process.argv.slice(2);
  (global as any).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  /* eslint-disable @typescript-eslint/no-require-imports */
  const cdk = require('aws-cdk-lib');
  const iam = require('aws-cdk-lib/aws-iam');
  const library = variant === 'ours' ? require(packageRoot) : undefined;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const t1 = performance.now();
  const app = new cdk.App({ outdir });
  const scenarios = makeScenarios({ cdk, iam, library: () => library });
  for (let s = 0; s < Number(stacks); s++) {
    addScenarioRoles(scenarios, new cdk.Stack(app, `Bench${s}`), variant as Variant, Number(perStack), s * Number(perStack));
  }
  const t2 = performance.now();
  app.synth();
  const t3 = performance.now();
  const peak = process.resourceUsage().maxRSS * 1024;
  const result: ColdRun = {
    requireMs: t1 - t0,
    constructMs: t2 - t1,
    synthMs: t3 - t2,
    totalMs: t3 - t0,
    peakRssMb: peak / 2 ** 20,
    peakRiseMb: (peak - rssBefore) / 2 ** 20,
  };
  process.send!(result);
}

// Only as a process of its own (the parent imports this file's types).
if (require.main === module) {
  main();
}
