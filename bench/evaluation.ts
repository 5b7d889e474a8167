/**
 * Time per evaluated case of the trust evaluation, in two ways, both optional because the
 * evaluation code is test code that may not exist yet:
 *
 * - in this process, by reusing the test helper `test/support/trust-evaluator.ts` (loaded at
 *   run time, so the bench compiles without it): each kind's role, ours and plain, asked
 *   whether a caller that the trust admits and one that it refuses may assume it;
 * - the jest files `test/evaluation/**\/*.test.ts` and the helper's own tests, run once with
 *   `jest --maxWorkers=1`: jest's per-test durations, and the number of questions put to the
 *   evaluator, which the helper writes out when `TRUST_EVALUATOR_STATS` names a file.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { median } from './measure';
import { SCENARIOS, Variant } from './scenarios';
import { markdownTable, num } from './table';
import { newApp, removeOutput } from './template';

const ROOT = path.resolve(__dirname, '..');
const HELPER = 'test/support/trust-evaluator.ts';
const HELPER_TESTS = 'test/support/trust-evaluator.test.ts';
const EVALUATION_DIR = 'test/evaluation';

/** What the bench uses of the helper; typed here so that the bench compiles without it. */
interface Decision {
  readonly allowed: boolean;
}
interface Evaluator {
  mayAssume(ref: IConstruct, caller: unknown): Promise<Decision>;
}
interface CallerFactories {
  role(account: string, name: string, options?: object): unknown;
  service(service: string, options?: object): unknown;
  webIdentity(issuer: string, sub: string, options?: object): unknown;
}
interface HelperModule {
  readonly TrustEvaluator: {
    forStack(stack: Stack, env?: string, options?: { externalPolicies?: Record<string, unknown> }): Evaluator;
  };
  readonly Callers: CallerFactories;
}

/**
 * The section's markdown and the errors that make the bench exit non-zero: the helper
 * unusable, a decision other than the one expected, jest not running. Failing jest tests are
 * listed in the text but are not the bench's errors (`npx projen test` reports them).
 */
export interface EvaluationSection {
  readonly text: string;
  readonly errors: string[];
}

interface Case {
  readonly label: string;
  readonly caller: (c: CallerFactories) => unknown;
  readonly allowed: boolean;
}

const HOME = '123456789012';
const ISSUER_HOST = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const GITHUB_HOST = 'token.actions.githubusercontent.com';
const ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** Documents of the managed policies the scenarios attach by ARN (the evaluator needs one for each). */
const EXTERNAL_POLICIES = {
  'arn:{partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole': ANY,
  'arn:{partition}:iam::{account}:policy/team-boundary': ANY,
};

/** Per kind (SCENARIOS order): a caller the trust admits and one it refuses. */
const CASES: Record<string, Case[]> = {
  ServiceRole: [
    { label: 'lambda for the own account', caller: (c) => c.service('lambda.amazonaws.com', { sourceAccount: HOME }), allowed: true },
    { label: 'lambda for another account', caller: (c) => c.service('lambda.amazonaws.com', { sourceAccount: '444455556666' }), allowed: false },
  ],
  CrossAccountRole: [
    { label: 'with ExternalId and MFA', caller: (c) => c.role('111122223333', 'caller', { externalId: 'partner-7d1f', mfaAgeSeconds: 60 }), allowed: true },
    { label: 'without MFA', caller: (c) => c.role('111122223333', 'caller', { externalId: 'partner-7d1f' }), allowed: false },
  ],
  IrsaRole: [
    { label: 'default:app', caller: (c) => c.webIdentity(ISSUER_HOST, 'system:serviceaccount:default:app'), allowed: true },
    { label: 'default:other', caller: (c) => c.webIdentity(ISSUER_HOST, 'system:serviceaccount:default:other'), allowed: false },
  ],
  BoundedRole: [
    { label: 'branch main', caller: (c) => c.webIdentity(GITHUB_HOST, 'repo:my-org/my-repo:ref:refs/heads/main'), allowed: true },
    { label: 'branch dev', caller: (c) => c.webIdentity(GITHUB_HOST, 'repo:my-org/my-repo:ref:refs/heads/dev'), allowed: false },
  ],
};

function exists(relative: string): boolean {
  return fs.existsSync(path.join(ROOT, relative));
}

function loadHelper(): HelperModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const helper = require(path.join(ROOT, HELPER)) as Partial<HelperModule>;
  if (typeof helper.TrustEvaluator?.forStack !== 'function' || typeof helper.Callers?.webIdentity !== 'function') {
    throw new Error(`${HELPER} no longer exports TrustEvaluator.forStack and Callers as the bench expects`);
  }
  return helper as HelperModule;
}

interface KindTiming {
  readonly setupMs: number;
  readonly caseMs: number[];
}

/** Sets up the evaluator for one role, checks every case's decision, then times `rounds` rounds of the cases. */
async function timeKind(helper: HelperModule, kind: string, variant: Variant, rounds: number, errors: string[]): Promise<KindTiming> {
  const scenario = SCENARIOS.find((s) => s.name === kind)!;
  const app = newApp();
  try {
    const role = scenario[variant](new Stack(app, 'Eval'), 'Role');
    const t0 = performance.now();
    const evaluator = helper.TrustEvaluator.forStack(Stack.of(role), 'aws', { externalPolicies: EXTERNAL_POLICIES });
    const setupMs = performance.now() - t0;
    for (const c of CASES[kind]) {
      const decision = await evaluator.mayAssume(role, c.caller(helper.Callers));
      if (decision.allowed !== c.allowed) {
        errors.push(`trust evaluation: ${kind} (${variant}), ${c.label}: ${decision.allowed ? 'allowed' : 'denied'}, expected ${c.allowed ? 'allowed' : 'denied'}`);
      }
    }
    const caseMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const c of CASES[kind]) {
        const start = performance.now();
        await evaluator.mayAssume(role, c.caller(helper.Callers));
        caseMs.push(performance.now() - start);
      }
    }
    return { setupMs, caseMs };
  } finally {
    removeOutput(app);
  }
}

async function helperTable(rounds: number, errors: string[]): Promise<string[]> {
  let helper: HelperModule;
  try {
    helper = loadHelper();
  } catch (e) {
    errors.push(`trust evaluation: cannot use ${HELPER}: ${(e as Error).message}`);
    return [`- ${HELPER} exists but could not be used: ${(e as Error).message}`];
  }
  // Warm-up, untimed: the engine's data, the helper's modules and the JIT.
  for (const kind of Object.keys(CASES)) {
    await timeKind(helper, kind, 'ours', 1, []).catch(() => undefined);
  }
  const rows: string[][] = [];
  const all: number[] = [];
  for (const kind of Object.keys(CASES)) {
    const timings: Partial<Record<Variant, KindTiming>> = {};
    for (const variant of ['ours', 'plain'] as Variant[]) {
      try {
        timings[variant] = await timeKind(helper, kind, variant, rounds, errors);
      } catch (e) {
        errors.push(`trust evaluation: ${kind} (${variant}): ${(e as Error).message}`);
      }
    }
    const { ours, plain } = timings;
    all.push(...(ours?.caseMs ?? []), ...(plain?.caseMs ?? []));
    const cell = (t: KindTiming | undefined, pick: (t: KindTiming) => number) => (t ? num(pick(t), 2) : 'failed');
    rows.push([
      kind,
      CASES[kind].map((c) => `${c.label} (${c.allowed ? 'allow' : 'deny'})`).join('; '),
      `${cell(ours, (t) => t.setupMs)} / ${cell(plain, (t) => t.setupMs)}`,
      `${cell(ours, (t) => median(t.caseMs))} / ${cell(plain, (t) => median(t.caseMs))}`,
    ]);
  }
  return [
    `In this process, reusing \`${HELPER}\`: one role of each kind, ours and plain; every case's decision is`,
    `checked first, then ${rounds} rounds of the cases are timed (\`await evaluator.mayAssume(...)\`, one question each).`,
    'Setup is `TrustEvaluator.forStack` once per stack (synthesize, resolve the template for the aws partition).',
    '',
    markdownTable(['Kind', 'Cases', 'Setup ms, ours / plain', 'Median ms per case, ours / plain'], rows),
    '',
    `- all cases: median ${all.length ? num(median(all), 2) : 'n/a'} ms per evaluated case over ${all.length} timed evaluations`,
  ];
}

function testFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.test.ts')) found.push(relative);
    }
  };
  if (exists(EVALUATION_DIR)) walk(EVALUATION_DIR);
  if (exists(HELPER_TESTS)) found.push(HELPER_TESTS);
  return found.sort();
}

interface JestAssertion {
  readonly status: string;
  readonly duration?: number | null;
  readonly fullName?: string;
  readonly failureMessages?: string[];
}
interface JestFile {
  readonly name: string;
  readonly status: string;
  readonly message?: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly assertionResults: JestAssertion[];
}

/** Runs the files with jest in one worker; reads jest's JSON report and the helper's question counts. */
function jestTable(files: string[], log: (message: string) => void, errors: string[]): string[] {
  const failures: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-jest-'));
  const report = path.join(dir, 'report.json');
  const stats = path.join(dir, 'stats.jsonl');
  try {
    const args = [require.resolve('jest/bin/jest'), '--ci', '--maxWorkers=1', '--coverage=false', '--reporters=default',
      '--json', `--outputFile=${report}`, '--runTestsByPath', ...files];
    log(`jest --maxWorkers=1 on ${files.length} file(s): ${files.join(', ')}`);
    const started = performance.now();
    const run = spawnSync(process.execPath, args, {
      cwd: ROOT, env: { ...process.env, TRUST_EVALUATOR_STATS: stats }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20,
    });
    const wallMs = performance.now() - started;
    if (!fs.existsSync(report)) {
      const tail = `${run.error?.message ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
      errors.push(`trust evaluation: jest wrote no report (exit ${run.status}):\n${tail}`);
      return ['- jest wrote no report: see the error at the end.'];
    }
    const results = JSON.parse(fs.readFileSync(report, 'utf8')).testResults as JestFile[];
    const questions = new Map<string, number>();
    if (fs.existsSync(stats)) {
      for (const line of fs.readFileSync(stats, 'utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { file: string; questions: number };
        questions.set(path.relative(ROOT, entry.file), (questions.get(path.relative(ROOT, entry.file)) ?? 0) + entry.questions);
      }
    }
    const totals = { tests: 0, passed: 0, testMs: 0, questions: 0, fileMs: 0 };
    const rows = [...results].sort((a, b) => a.name.localeCompare(b.name)).map((file) => {
      const name = path.relative(ROOT, file.name);
      const tests = file.assertionResults;
      const passed = tests.filter((t) => t.status === 'passed').length;
      const testMs = tests.reduce((sum, t) => sum + (t.duration ?? 0), 0);
      const asked = questions.get(name);
      const fileMs = file.endTime - file.startTime;
      for (const failed of tests.filter((t) => t.status === 'failed')) {
        failures.push(`${name}: ${failed.fullName}: ${(failed.failureMessages ?? []).join(' ').split('\n')[0]}`);
      }
      if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
        failures.push(`${name}: ${(file.message ?? 'failed').trim().split('\n').slice(0, 5).join(' ')}`);
      }
      totals.tests += tests.length;
      totals.passed += passed;
      totals.testMs += testMs;
      totals.questions += asked ?? 0;
      totals.fileMs += fileMs;
      return [name, `${passed} / ${tests.length}`, asked === undefined ? 'n/a' : num(asked), num(testMs),
        tests.length ? num(testMs / tests.length, 1) : 'n/a', asked ? num(testMs / asked, 2) : 'n/a', num(fileMs)];
    });
    rows.push(['all', `${totals.passed} / ${totals.tests}`, num(totals.questions), num(totals.testMs),
      totals.tests ? num(totals.testMs / totals.tests, 1) : 'n/a', totals.questions ? num(totals.testMs / totals.questions, 2) : 'n/a', num(totals.fileMs)]);
    return [
      `\`jest --maxWorkers=1\` on these files, ${num(wallMs / 1000, 1)} s wall for the whole jest run. Test ms adds up jest's`,
      'per-test durations; questions are the evaluator\'s `mayAssume`/`maySessionDo` calls (counted by the helper when',
      '`TRUST_EVALUATOR_STATS` is set); per question is test ms ÷ questions, so it includes each test\'s own synth.',
      'File ms is the file\'s whole time in jest, including ts-jest compiling it and loading modules.',
      '',
      markdownTable(['File', 'Passed / tests', 'Questions', 'Test ms', 'ms per test', 'ms per question', 'File ms'], rows),
      ...(failures.length === 0 ? [] : [
        '',
        `Failing tests (${failures.length}; timed all the same, and not an error of the bench: \`npx projen test\` reports them):`,
        '',
        ...failures.map((f) => `- ${f}`),
      ]),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The trust-evaluation section; `runJest` false (quick mode) skips the jest run. */
export async function evaluationSection(options: { runJest: boolean; rounds: number; log: (message: string) => void }): Promise<EvaluationSection> {
  const errors: string[] = [];
  const lines: string[] = [];
  if (!exists(HELPER)) {
    lines.push(`- ${HELPER} does not exist (yet): the in-process timing is skipped.`);
  } else {
    options.log('trust evaluation: timing the helper in this process');
    lines.push(...await helperTable(options.rounds, errors));
  }
  lines.push('');
  if (!exists(EVALUATION_DIR)) {
    lines.push(`- ${EVALUATION_DIR}/ does not exist (yet): there are no evaluation tests to time.`);
  }
  const files = testFiles();
  if (files.length === 0) {
    lines.push('- No evaluation test files: the jest timing is skipped.');
  } else if (!options.runJest) {
    lines.push(`- --quick: the jest timing of ${files.join(', ')} is skipped (the full run does it).`);
  } else {
    lines.push(...jestTable(files, options.log, errors));
  }
  return { text: lines.join('\n'), errors };
}
