/**
 * Where the time of one construct + synth goes, ours next to plain: inclusive milliseconds
 * of CDK's synthesis phases and of every `src/` function above a threshold, from a CPU
 * profile of one run.
 */
import { Layout, build, Subject } from './measure';
import { inclusiveTimes, profile, ProfileEntry } from './profile';
import { markdownTable, num, percent } from './table';
import { removeOutput } from './template';

/** CDK functions that mark the phases of construct + synth. */
const PHASES: Array<[string, string]> = [
  ['build ', 'construct the roles (bench build())'],
  ['synth ', 'app.synth() in total'],
  ['invokeAspectsV2 ', '  aspects (invokeAspectsV2)'],
  ['invokeAspects ', '  aspects (invokeAspects)'],
  ['prepareApp ', '  prepareApp (references, dependencies)'],
  ['validateTree ', '  validateTree (node.addValidation callbacks)'],
  ['synthesizeTree ', '  synthesizeTree (templates written)'],
  ['_toCloudFormation (aws-cdk-lib/core/lib/stack.js)', '    Stack._toCloudFormation (resolve the template)'],
  ['_toCloudFormation (src/validation/stack-checkpoint.ts)', '      the checks (each stack\'s checkpoint)'],
  ['findAll ', 'constructs Node.findAll, anywhere'],
  ['(garbage collector) ', 'garbage collector'],
];

function buildAndSynth(subject: Subject, layout: Layout): void {
  const app = build(subject, layout);
  app.synth();
  removeOutput(app);
}

async function profileOf(subject: Subject, layout: Layout): Promise<{ entries: ProfileEntry[]; totalMs: number }> {
  // Warm up first, so one-time costs (JIT, module loading) are not charged to the run.
  buildAndSynth(subject, { stacks: 1, perStack: 20 });
  const result = await profile(() => buildAndSynth(subject, layout));
  const entries = inclusiveTimes(result, () => true);
  const totalMs = entries.find((e) => e.name.startsWith('(root)'))?.ms ?? 0;
  return { entries, totalMs };
}

function phaseMs(entries: ProfileEntry[], prefix: string): number | undefined {
  const hits = entries.filter((e) => e.name.startsWith(prefix) && !e.name.includes('(bench/profile'));
  if (prefix === 'build ') return hits.find((e) => e.name.includes('bench/measure'))?.ms;
  if (prefix === 'synth ') return hits.find((e) => e.name.includes('core/lib/stage'))?.ms;
  return hits.length ? Math.max(...hits.map((e) => e.ms)) : undefined;
}

/** The attribution tables as markdown. */
export async function attribution(layout: Layout, minShare = 0.01): Promise<string> {
  const ours = await profileOf('ours', layout);
  const plain = await profileOf('plain', layout);
  const phaseRows = PHASES
    .map(([prefix, label]) => [label, phaseMs(ours.entries, prefix), phaseMs(plain.entries, prefix)] as const)
    .filter(([, o, p]) => o !== undefined || p !== undefined)
    .map(([label, o, p]) => [label, o === undefined ? '-' : num(o), p === undefined ? '-' : num(p)]);
  const src = ours.entries
    .filter((e) => e.name.includes('(src/') && !e.name.startsWith('(anonymous)') && e.ms >= minShare * ours.totalMs)
    .map((e) => [e.name, num(e.ms), percent(e.ms, ours.totalMs)]);
  return [
    markdownTable(['phase (inclusive ms, one profiled run)', 'ours', 'plain'], phaseRows),
    '',
    `src/ functions with at least ${(minShare * 100).toFixed(0)}% of ours' profiled time (inclusive; nested functions overlap):`,
    '',
    markdownTable(['function (file)', 'ms', 'share'], src),
  ].join('\n');
}
