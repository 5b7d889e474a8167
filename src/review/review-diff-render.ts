/**
 * The trust diff as text: Markdown for a pull request comment, JSON for tools. The JSON shape is
 * stable: add fields freely; renaming or removing one is a breaking change and bumps
 * `DIFF_SCHEMA_VERSION`.
 */
import { ChangeEffect, TrustChange } from './review-diff';

/** The version of the diff's JSON shape. */
export const DIFF_SCHEMA_VERSION = 1;

const EFFECTS: ChangeEffect[] = ['widens', 'narrows', 'neutral'];

/** Whether a change is of a whole stack rather than of one role. */
const ofStack = (c: TrustChange) => c.change.startsWith('stack-');

/** How many changes there are of each effect, and in how many roles and stacks. */
function counts(changes: TrustChange[]): { roles: number; stacks: number; widens: number; narrows: number; neutral: number } {
  const of = (effect: ChangeEffect) => changes.filter((c) => c.effect === effect).length;
  const places = (stack: boolean) => new Set(changes.filter((c) => ofStack(c) === stack).map((c) => c.role)).size;
  return { roles: places(false), stacks: places(true), widens: of('widens'), narrows: of('narrows'), neutral: of('neutral') };
}

/** The JSON document of a diff. */
export function diffJson(changes: TrustChange[]): any {
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    widened: changes.some((c) => c.effect === 'widens'),
    summary: { changes: changes.length, ...counts(changes) },
    changes: changes.map((c) => ({ role: c.role, change: c.change, effect: c.effect, sentence: c.sentence, before: c.before, after: c.after })),
  };
}

/**
 * The diff as Markdown: a summary line, then one table per role, the roles whose access widens
 * first, and in each table the widenings first.
 */
export function diffMarkdown(changes: TrustChange[]): string {
  const lines = ['## Trust diff', '', summaryLine(changes)];
  const roles = [...new Set(changes.map((c) => c.role))];
  const widens = (role: string) => changes.some((c) => c.role === role && c.effect === 'widens');
  for (const role of [...roles.filter(widens), ...roles.filter((r) => !widens(r))]) {
    const name = changes.some((c) => c.role === role && ofStack(c)) ? `stack ${role}` : role;
    lines.push('', `### ${escape(name)}${widens(role) ? ' (widens access)' : ''}`, '', '| Effect | Change |', '| --- | --- |');
    for (const effect of EFFECTS) {
      for (const c of changes.filter((x) => x.role === role && x.effect === effect)) {
        lines.push(`| ${effect === 'widens' ? '**widens**' : effect} | ${escape(c.sentence)} |`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function summaryLine(changes: TrustChange[]): string {
  if (changes.length === 0) return 'No changes: the same roles, trusted parties, conditions, policies and findings.';
  const { roles, stacks, widens, narrows, neutral } = counts(changes);
  const parts = [
    widens ? `${widens} ${widens === 1 ? 'widens' : 'widen'} access` : '',
    narrows ? `${narrows} ${narrows === 1 ? 'narrows' : 'narrow'} it` : '',
    neutral ? `${neutral} neutral` : '',
  ].filter((p) => p);
  const where = [roles ? plural(roles, 'role') : '', stacks ? plural(stacks, 'stack') : ''].filter((p) => p).join(' and ');
  const verdict = widens ? '**Widens access.**' : 'Does not widen access.';
  return `${verdict} ${plural(changes.length, 'change')} in ${where}: ${parts.join(', ')}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Text safe in a Markdown table cell or heading. */
function escape(text: string): string {
  return text
    .replace(/[\\|*_`[\]]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}
