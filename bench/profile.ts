/**
 * Where our synth time goes: a CPU profile (V8 sampling profiler through `inspector`) of one
 * construct + synth of `count` roles, summarized as inclusive time per function of `src/`
 * and of the aws-cdk-lib functions that matter (aspects, validation, resolve, annotations).
 */
import * as inspector from 'inspector';
import * as path from 'path';

/** Inclusive time of one function over the profile. */
export interface ProfileEntry {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))));
}

/** Profiles `work`, sampling every `intervalUs` microseconds. */
export async function profile(work: () => void, intervalUs = 200): Promise<Profile> {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: intervalUs });
    await post(session, 'Profiler.start');
    work();
    const { profile: result } = await post<{ profile: Profile }>(session, 'Profiler.stop');
    return result;
  } finally {
    session.disconnect();
  }
}

const ROOT = path.resolve(__dirname, '..');

function label(frame: ProfileNode['callFrame']): string {
  const file = frame.url.replace(/^file:\/\//, '');
  const rel = file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
  const short = rel.replace(/^node_modules\/aws-cdk-lib\//, 'aws-cdk-lib/').replace(/^node_modules\//, '');
  // Line numbers are those of the transpiled JavaScript, so they are left out.
  return `${frame.functionName || '(anonymous)'} (${short})`;
}

/**
 * Inclusive time per function: each sample counts once for every distinct function on its
 * stack (so recursion is not counted twice). `filter` picks the functions to report.
 */
export function inclusiveTimes(result: Profile, filter: (name: string) => boolean): ProfileEntry[] {
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of result.nodes) {
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const stackCache = new Map<number, string[]>();
  const stackOf = (id: number): string[] => {
    let cached = stackCache.get(id);
    if (!cached) {
      const names = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        names.add(label(byId.get(cur)!.callFrame));
      }
      cached = [...names];
      stackCache.set(id, cached);
    }
    return cached;
  };
  const totals = new Map<string, number>();
  let total = 0;
  result.samples.forEach((id, i) => {
    const dt = (result.timeDeltas[i] ?? 0) / 1000;
    const names = stackOf(id);
    total += dt;
    for (const name of names) {
      if (filter(name)) totals.set(name, (totals.get(name) ?? 0) + dt);
    }
  });
  return [...totals.entries()]
    .map(([name, ms]) => ({ name, ms, share: total > 0 ? ms / total : 0 }))
    .sort((a, b) => b.ms - a.ms);
}
