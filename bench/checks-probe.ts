/**
 * Times the library's checks: every check of every role, the trust graph and the size limits
 * run where each stack's template is written (src/validation/stack-checkpoint.ts), which adds
 * up its time in `CHECKING` and skips the checks when told to (for "ours without checks").
 */
import { CHECKING } from '../src/validation/stack-checkpoint';

/** How the checks behave from now on. */
export type ChecksMode = 'timed' | 'disabled';

/** Runs or skips the checks. */
export function setChecks(mode: ChecksMode): void {
  CHECKING.disabled = mode === 'disabled';
}

/** Time spent checking since the last reset. */
export function checksElapsed(): { ms: number } {
  return { ms: CHECKING.ms };
}

/** Starts a new count. */
export function resetChecks(): void {
  CHECKING.ms = 0;
}
