/**
 * Times the library's checks without editing `src/`: the `RoleChecks` aspect's `visit`
 * method (every check of one role, including the trust-cycle search) is wrapped in this
 * process to add up its time, or replaced by a no-op to synthesize "ours without checks".
 */
import { RoleChecks } from '../src';

const original = RoleChecks.prototype.visit;
let elapsedMs = 0;
let calls = 0;

/** How RoleChecks.visit behaves from now on. */
export type ChecksMode = 'timed' | 'disabled';

/** Wraps or disables `RoleChecks.prototype.visit`. */
export function setChecks(mode: ChecksMode): void {
  if (mode === 'disabled') {
    RoleChecks.prototype.visit = function disabledVisit(): void {};
    return;
  }
  RoleChecks.prototype.visit = function timedVisit(this: RoleChecks, node) {
    const start = performance.now();
    try {
      original.call(this, node);
    } finally {
      elapsedMs += performance.now() - start;
      calls++;
    }
  };
}

/** Time spent in `visit` since the last reset, and how many constructs it visited. */
export function checksElapsed(): { ms: number; calls: number } {
  return { ms: elapsedMs, calls };
}

/** Starts a new count. */
export function resetChecks(): void {
  elapsedMs = 0;
  calls = 0;
}
