/**
 * The trust diff: what changed between two reviews of an app, role by role, and whether each
 * change widens access (someone may now assume a role they could not, or a role may now do more),
 * narrows it, or neither. Pure functions over two review models; rendered by `ReviewDiff`.
 *
 * When the diff cannot tell (a boundary replaced by another, an operator of another kind, a
 * deploy-time value), the change counts as widening: a gate (`--fail-on new-access`) should rather
 * stop a change that a person then reads than let one through unread.
 */
import { AssemblyRoles, ReviewedRole } from './assembly-roles';
import { duration } from './party-words';
import { PolicySummary } from './policy-summary';
import { ReviewFinding } from './role-findings';
import { PartyCondition, TrustedParty } from './trusted-party';
import { FINDING_PREFIX } from '../private/finding-ids';

/** What a change does to access. */
export type ChangeEffect = 'widens' | 'narrows' | 'neutral';

/** What changed. */
export type ChangeKind =
  | 'role-added'
  | 'role-removed'
  | 'role-moved'
  | 'role-renamed'
  | 'stack-unreadable'
  | 'stack-readable'
  | 'trust-unreadable'
  | 'trust-readable'
  | 'party-added'
  | 'party-removed'
  | 'party-action-added'
  | 'party-action-removed'
  | 'condition-added'
  | 'condition-removed'
  | 'condition-changed'
  | 'boundary-added'
  | 'boundary-removed'
  | 'boundary-changed'
  | 'managed-policy-added'
  | 'managed-policy-removed'
  | 'policy-added'
  | 'policy-removed'
  | 'policy-action-added'
  | 'policy-action-removed'
  | 'policy-allows-everything'
  | 'policy-no-longer-allows-everything'
  | 'max-session-raised'
  | 'max-session-lowered'
  | 'max-session-changed'
  | 'sessions-revoked'
  | 'revocation-removed'
  | 'finding-new'
  | 'finding-fixed'
  | 'finding-acknowledged'
  | 'finding-unacknowledged';

/** One change between two reviews. */
export interface TrustChange {
  /** The role's label (construct path) in the newer review; in the older one when removed; the stack's name for `stack-*` changes. */
  readonly role: string;
  readonly change: ChangeKind;
  readonly effect: ChangeEffect;
  /** The change in plain words, without the role. */
  readonly sentence: string;
  /** What it was, as text (a party's sentence, a condition, an ARN, a number of seconds). */
  readonly before?: string;
  /** What it is now, as text. */
  readonly after?: string;
}

/** AWS managed policies that allow every action on every resource (`PolicyAllowsEverything`). */
const FULL_ACCESS_MANAGED = new Set(['AWS managed AdministratorAccess']);
const EVERYTHING = 'allows every action on every resource';
const EVERY_ACTION = new Set(['*', '*:*']);

/**
 * The changes from `older` to `newer`. Roles are matched by label (construct path), then the
 * roles left over by stack and logical ID: a construct moved in the tree whose logical ID is kept
 * (`overrideLogicalId`, or `AssumableRole` taking over a plain `iam.Role`) is the same role in
 * AWS, so it is one role moved rather than one removed and one added.
 */
export function diffAssemblies(older: AssemblyRoles, newer: AssemblyRoles): TrustChange[] {
  const changes: TrustChange[] = [];
  const newlyUnread = newer.unread.filter((u) => !older.unread.some((o) => o.name === u.name));
  for (const u of newlyUnread) {
    changes.push({ role: u.name, change: 'stack-unreadable', effect: 'widens', sentence: `stack cannot be read any more, so its roles are not compared: ${u.problem}` });
  }
  for (const u of older.unread.filter((o) => !newer.unread.some((n) => n.name === o.name))) {
    changes.push({ role: u.name, change: 'stack-readable', effect: 'neutral', sentence: 'stack can be read now (it could not before): its roles are listed as added' });
  }
  const { pairs, removed } = matchRoles(older.roles, newer.roles);
  for (const role of newer.roles) {
    const old = pairs.get(role);
    changes.push(...(old ? roleChanges(old, role) : roleAdded(role)));
  }
  for (const role of removed) {
    if (newlyUnread.some((u) => u.name === role.stack)) continue;
    changes.push(roleRemoved(role));
  }
  return changes;
}

/** Older roles by the newer roles they match, and the older roles matched by none. */
function matchRoles(older: ReviewedRole[], newer: ReviewedRole[]): { pairs: Map<ReviewedRole, ReviewedRole>; removed: ReviewedRole[] } {
  const pairs = new Map<ReviewedRole, ReviewedRole>();
  const taken = new Set<ReviewedRole>();
  const pairBy = (key: (r: ReviewedRole) => string) => {
    const left = new Map(older.filter((r) => !taken.has(r)).map((r) => [key(r), r]));
    for (const role of newer) {
      const old = pairs.has(role) ? undefined : left.get(key(role));
      if (old && !taken.has(old)) {
        pairs.set(role, old);
        taken.add(old);
      }
    }
  };
  pairBy((r) => r.label);
  pairBy((r) => `${r.stack}\u0000${r.logicalId}`);
  return { pairs, removed: older.filter((r) => !taken.has(r)) };
}

function roleAdded(role: ReviewedRole): TrustChange[] {
  const assumable = role.unreadable !== undefined || role.parties.length > 0;
  const change: TrustChange = {
    role: role.label,
    change: 'role-added',
    effect: assumable ? 'widens' : 'neutral',
    sentence: `role added, ${roleWords(role)}`,
    after: role.roleName ?? role.label,
  };
  const findings = role.findings.map((f): TrustChange => findingChange(role.label, 'finding-new', f));
  return [change, ...findings];
}

function roleRemoved(role: ReviewedRole): TrustChange {
  const assumable = role.unreadable !== undefined || role.parties.length > 0;
  return {
    role: role.label,
    change: 'role-removed',
    effect: assumable ? 'narrows' : 'neutral',
    sentence: `role removed (was ${roleWords(role)})`,
    before: role.roleName ?? role.label,
  };
}

/** Who may assume the role, and whether it may do everything. */
function roleWords(role: ReviewedRole): string {
  return `${trustWords(role)}${allowsEverything(role) ? `; ${EVERYTHING}` : ''}`;
}

/** `assumable by A; B`, or why it is not known. */
function trustWords(role: ReviewedRole): string {
  if (role.unreadable !== undefined) return `its trust policy cannot be read: ${role.unreadable}`;
  return role.parties.length ? `assumable by ${role.parties.map((p) => p.sentence).join('; ')}` : 'assumable by no one';
}

/** Records one change of the role being compared. */
type Add = (change: ChangeKind, effect: ChangeEffect, sentence: string, before?: string, after?: string) => void;

function roleChanges(o: ReviewedRole, n: ReviewedRole): TrustChange[] {
  const out: TrustChange[] = [];
  const add: Add = (change, effect, sentence, before, after) => {
    out.push({ role: n.label, change, effect, sentence, before, after });
  };
  if (o.label !== n.label) {
    add('role-moved', 'neutral', `moved from ${o.label} (the same stack and logical ID: the same role in AWS)`, o.label, n.label);
  }
  if (o.roleName !== n.roleName || o.path !== n.path) {
    const name = (r: ReviewedRole) => (r.roleName === undefined ? '(generated)' : `${r.path === '/' ? '' : r.path}${r.roleName}`);
    add('role-renamed', 'neutral', `role name ${name(o)} -> ${name(n)}: CloudFormation replaces the role, and ARNs that name it must follow`, name(o), name(n));
  }
  trustChanges(o, n, add);
  boundaryChanges(o.permissionsBoundary, n.permissionsBoundary, add);
  // A role that may do everything gains nothing by a new policy, and loses nothing while it still may.
  const permissions: Add = (change, effect, sentence, before, after) => {
    if (effect === 'widens' && allowsEverything(o)) add(change, 'neutral', `${sentence} (no new access: the role already ${EVERYTHING})`, before, after);
    else if (effect === 'narrows' && allowsEverything(n)) add(change, 'neutral', `${sentence} (no less access: the role still ${EVERYTHING})`, before, after);
    else add(change, effect, sentence, before, after);
  };
  managedPolicyChanges(o.managedPolicies, n.managedPolicies, permissions);
  policyChanges(o.policies, n.policies, permissions);
  sessionChanges(o, n, add);
  findingChanges(o.findings, n.findings, n.label, out);
  return out;
}

function trustChanges(o: ReviewedRole, n: ReviewedRole, add: Add): void {
  const parties = (r: ReviewedRole) => r.parties.map((p) => p.sentence).join('; ');
  if (n.unreadable !== undefined) {
    if (o.unreadable === undefined) {
      add('trust-unreadable', 'widens', `trust policy cannot be read any more: ${n.unreadable}`, parties(o), n.unreadable);
    } else if (JSON.stringify(o.trustPolicy) !== JSON.stringify(n.trustPolicy)) {
      add('trust-unreadable', 'widens', `trust policy changed and still cannot be read: ${n.unreadable}`, o.unreadable, n.unreadable);
    }
    return;
  }
  if (o.unreadable !== undefined) {
    add('trust-readable', n.parties.length ? 'widens' : 'neutral', `trust policy can be read now (was: ${o.unreadable}): ${trustWords(n)}`, o.unreadable, parties(n));
    return;
  }
  partyChanges(o.parties, n.parties, add);
}

/**
 * Parties of one role compared: by kind and principal; when several statements name the same
 * principal, the parties with identical conditions are paired first, then the rest in order.
 */
function partyChanges(older: TrustedParty[], newer: TrustedParty[], add: Add): void {
  const key = (p: TrustedParty) => `${p.kind}\u0000${p.principal}`;
  const { pairs, added, removed } = pairUp(older, newer, key, (p) => conditionsSignature(p.conditions));
  for (const [o, n] of pairs) partyChange(o, n, add);
  for (const p of added) add('party-added', 'widens', `new trusted party: ${p.sentence}`, undefined, p.sentence);
  for (const p of removed) add('party-removed', 'narrows', `trusted party removed: ${p.sentence}`, p.sentence);
}

/**
 * Pairs items of two lists with the same key: those alike first, then the rest in order.
 * Pairs come in the order of `newer`.
 */
function pairUp<T>(older: T[], newer: T[], key: (t: T) => string, alike: (t: T) => string): { pairs: [T, T][]; added: T[]; removed: T[] } {
  const partner = new Map<T, T>();
  const used = new Set<T>();
  for (const pass of [(a: T, b: T) => alike(a) === alike(b), () => true]) {
    for (const n of newer) {
      if (partner.has(n)) continue;
      const o = older.find((c) => !used.has(c) && key(c) === key(n) && pass(c, n));
      if (o) {
        partner.set(n, o);
        used.add(o);
      }
    }
  }
  return {
    pairs: newer.filter((n) => partner.has(n)).map((n): [T, T] => [partner.get(n)!, n]),
    added: newer.filter((n) => !partner.has(n)),
    removed: older.filter((o) => !used.has(o)),
  };
}

function conditionsSignature(conditions: PartyCondition[]): string {
  return conditions.map(conditionSignature).sort().join('\u0001');
}

function conditionSignature(c: PartyCondition): string {
  return `${c.operator}\u0000${c.key.toLowerCase()}\u0000${[...c.values].sort().join('\u0000')}`;
}

function partyChange(o: TrustedParty, n: TrustedParty, add: Add): void {
  const who = o.who;
  for (const action of n.actions.filter((a) => !o.actions.includes(a))) {
    add('party-action-added', 'widens', `${who}: may now also call ${action}`, undefined, action);
  }
  for (const action of o.actions.filter((a) => !n.actions.includes(a))) {
    add('party-action-removed', 'narrows', `${who}: may no longer call ${action}`, action);
  }
  if (n.unreadConditions && !o.unreadConditions) {
    add('condition-changed', 'widens', `${who}: conditions became deploy-time values the review cannot read`);
  }
  const { pairs, added, removed } = pairUp(o.conditions, n.conditions, (c) => c.key.toLowerCase(), conditionSignature);
  for (const [before, after] of pairs) {
    if (conditionSignature(before) === conditionSignature(after)) continue;
    const words = arrow(describe(before), describe(after));
    const sentence = words ? `${who}: ${words}` : `${who}: ${arrow(conditionText(before), conditionText(after))}`;
    add('condition-changed', conditionEffect(before, after), sentence, conditionText(before), conditionText(after));
  }
  for (const c of shown(added)) add('condition-added', 'narrows', `${who}: ${describe(c)} added`, undefined, conditionText(c));
  for (const c of shown(removed)) add('condition-removed', 'widens', `${who}: ${describe(c)} removed`, conditionText(c));
}

/** Conditions added or removed together, less `aws:MultiFactorAuthPresent` when the MFA age says it. */
function shown(conditions: PartyCondition[]): PartyCondition[] {
  const age = conditions.some((c) => c.key.toLowerCase() === 'aws:multifactorauthage');
  return conditions.filter((c) => !(age && !c.words && c.key.toLowerCase() === 'aws:multifactorauthpresent'));
}

/** The condition's words, or the condition itself when its words go without saying. */
function describe(c: PartyCondition): string {
  return c.words || `${c.key} ${c.operator} ${c.values.join(', ')}`;
}

/** The condition as written: `StringEquals sts:ExternalId partner-7d1f3a`. */
function conditionText(c: PartyCondition): string {
  return `${c.operator} ${c.key} ${c.values.join(', ')}`;
}

/**
 * `before -> after`, leading parts the two share (`repository acme/app, `) left out; empty
 * when the two are the same words.
 */
function arrow(before: string, after: string): string {
  if (before === after) return '';
  const a = before.split(', ');
  const b = after.split(', ');
  let same = 0;
  if (!/ or /.test(before) && !/ or /.test(after)) {
    while (same < a.length - 1 && same < b.length - 1 && a[same] === b[same]) same++;
  }
  return `${a.slice(same).join(', ')} -> ${b.slice(same).join(', ')}`;
}

/** What the change of one condition does to access. */
export function conditionEffect(before: PartyCondition, after: PartyCondition): ChangeEffect {
  const o = operatorOf(before.operator);
  const n = operatorOf(after.operator);
  let widens = n.ifExists && !o.ifExists;
  let narrows = o.ifExists && !n.ifExists;
  if (o.set !== n.set || o.family === undefined || n.family === undefined || !sameFamily(o.family, n.family)) {
    widens = true;
  } else if (o.family.kind === 'bound' && n.family.kind === 'bound') {
    const cmp = compareBounds(o.family, before.values, n.family, after.values);
    widens ||= cmp === undefined || cmp > 0;
    narrows ||= cmp !== undefined && cmp < 0;
  } else {
    const newInOld = after.values.every((v) => before.values.some((w) => covers(o.family!, w, n.family!, v)));
    const oldInNew = before.values.every((w) => after.values.some((v) => covers(n.family!, v, o.family!, w)));
    // Under a negated operator the values are exclusions: fewer exclusions let more in.
    const negated = o.family.kind !== 'bound' && o.family.negated;
    widens ||= negated ? !oldInNew : !newInOld;
    narrows ||= negated ? !newInOld : !oldInNew;
  }
  return widens ? 'widens' : narrows ? 'narrows' : 'neutral';
}

type Family =
  | { kind: 'text'; name: string; negated: boolean; glob: boolean; ignoreCase: boolean }
  | { kind: 'bound'; name: string; less: boolean; inclusive: boolean }
  | { kind: 'exact'; name: string; negated: boolean };

function operatorOf(operator: string): { set: string; ifExists: boolean; family?: Family } {
  const m = /^(ForAnyValue:|ForAllValues:)?(.*?)(IfExists)?$/.exec(operator)!;
  const base = m[2];
  let family: Family | undefined;
  const text = /^(String|Arn)(Not)?(Equals|Like|EqualsIgnoreCase)$/.exec(base);
  const bound = /^(Numeric|Date)(LessThan|GreaterThan)(Equals)?$/.exec(base);
  const exact = /^(?:(Numeric|Date|Binary)(Not)?Equals|(Bool)|(Null)|(Not)?(IpAddress))$/.exec(base);
  if (text) {
    family = { kind: 'text', name: text[1], negated: !!text[2], glob: text[1] === 'Arn' || text[3] === 'Like', ignoreCase: text[3] === 'EqualsIgnoreCase' };
  } else if (bound) {
    family = { kind: 'bound', name: bound[1], less: bound[2] === 'LessThan', inclusive: !!bound[3] };
  } else if (exact) {
    family = { kind: 'exact', name: exact[1] ?? exact[3] ?? exact[4] ?? exact[6], negated: !!(exact[2] ?? exact[5]) };
  }
  return { set: m[1] ?? '', ifExists: !!m[3], family };
}

function sameFamily(a: Family, b: Family): boolean {
  if (a.kind !== b.kind || a.name !== b.name) return false;
  if (a.kind === 'bound' && b.kind === 'bound') return a.less === b.less;
  return (a as { negated: boolean }).negated === (b as { negated: boolean }).negated;
}

/** > 0 when the newer bound lets more in, < 0 when fewer, 0 when the same, undefined when unknown. */
function compareBounds(o: Family & { kind: 'bound' }, oldValues: string[], n: Family & { kind: 'bound' }, newValues: string[]): number | undefined {
  const value = (v: string) => (o.name === 'Date' ? Date.parse(v) : Number(v));
  const loosest = (values: string[]) => {
    const numbers = values.map(value);
    return numbers.some((x) => !Number.isFinite(x)) || numbers.length === 0 ? undefined : o.less ? Math.max(...numbers) : Math.min(...numbers);
  };
  const a = loosest(oldValues);
  const b = loosest(newValues);
  if (a === undefined || b === undefined) return undefined;
  if (a === b) return Number(n.inclusive) - Number(o.inclusive);
  return (b > a) === o.less ? 1 : -1;
}

/** Whether every request value `inner` (under its operator) accepts is accepted by `outer` (under its own). */
function covers(outerFamily: Family, outer: string, innerFamily: Family, inner: string): boolean {
  if (outerFamily.kind !== 'text' || innerFamily.kind !== 'text') return outer === inner;
  return patternIncludes(
    tokens(outer, outerFamily.glob),
    tokens(inner, innerFamily.glob),
    (a, b) => {
      if (outerFamily.ignoreCase) return a.toLowerCase() === b.toLowerCase();
      // A case-insensitive inner value stands for every case of its letters.
      return a === b && (!innerFamily.ignoreCase || a.toLowerCase() === a.toUpperCase());
    },
  );
}

/** Actions compare as `StringLike` patterns, ignoring case. */
const ACTION: Family = { kind: 'text', name: 'String', negated: false, glob: true, ignoreCase: true };

const STAR = '\u0000*';
const ONE = '\u0000?';

function tokens(value: string, glob: boolean): string[] {
  return [...value].map((c) => (glob && c === '*' ? STAR : glob && c === '?' ? ONE : c));
}

/** Whether every string the pattern `inner` matches is matched by the pattern `outer`. */
function patternIncludes(outer: string[], inner: string[], same: (a: string, b: string) => boolean): boolean {
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (inner.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === outer.length) result = j === inner.length;
    else if (outer[i] === STAR) result = go(i + 1, j) || (j < inner.length && go(i, j + 1));
    else if (j === inner.length || inner[j] === STAR) result = false;
    else if (outer[i] === ONE) result = go(i + 1, j + 1);
    else result = inner[j] !== ONE && same(outer[i], inner[j]) && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

function boundaryChanges(before: string | undefined, after: string | undefined, add: Add): void {
  if (before === after) return;
  if (after === undefined) add('boundary-removed', 'widens', `permissions boundary removed (was ${before})`, before);
  else if (before === undefined) add('boundary-added', 'narrows', `permissions boundary added: ${after}`, undefined, after);
  else add('boundary-changed', 'widens', `permissions boundary changed: ${before} -> ${after} (the review cannot compare what the two allow)`, before, after);
}

/** Whether a policy of the role allows every action on every resource. */
function allowsEverything(role: ReviewedRole): boolean {
  return role.managedPolicies.some((m) => FULL_ACCESS_MANAGED.has(m)) || role.policies.some((p) => p.allowsEverything);
}

function managedPolicyChanges(before: string[], after: string[], add: Add): void {
  const named = (m: string) => (FULL_ACCESS_MANAGED.has(m) ? `${m} (${EVERYTHING})` : m);
  for (const m of after.filter((x) => !before.includes(x))) add('managed-policy-added', 'widens', `managed policy added: ${named(m)}`, undefined, m);
  for (const m of before.filter((x) => !after.includes(x))) add('managed-policy-removed', 'narrows', `managed policy removed: ${named(m)}`, m);
}

function policyChanges(before: PolicySummary[], after: PolicySummary[], add: Add): void {
  const key = (p: PolicySummary) => `${p.source}\u0000${p.name}`;
  const { pairs, added, removed } = pairUp(before, after, key, key);
  for (const [o, n] of pairs) {
    const name = policyName(n);
    if (n.allowsEverything && !o.allowsEverything) add('policy-allows-everything', 'widens', `${name} now ${EVERYTHING}`);
    if (o.allowsEverything && !n.allowsEverything) add('policy-no-longer-allows-everything', 'narrows', `${name} no longer ${EVERYTHING}`);
    // Actions the other side's patterns already cover (`s3:GetObject` after `s3:*`) change nothing.
    for (const a of newActions(o, n)) add('policy-action-added', 'widens', `${name}: action added: ${actionWords(a)}`, undefined, a);
    for (const a of newActions(n, o)) add('policy-action-removed', 'narrows', `${name}: action removed: ${actionWords(a)}`, a);
  }
  for (const p of added) add('policy-added', 'widens', `${policyName(p)} added: ${policyWords(p)}`, undefined, p.actions.join(', '));
  for (const p of removed) add('policy-removed', 'narrows', `${policyName(p)} removed (was: ${policyWords(p)})`, p.actions.join(', '));
}

/** The actions of `to` that no action of `from` covers, less `*` when "every action on every resource" says it. */
function newActions(from: PolicySummary, to: PolicySummary): string[] {
  return to.actions.filter((a) => !(to.allowsEverything && EVERY_ACTION.has(a)) && !from.actions.some((b) => covers(ACTION, b, ACTION, a)));
}

function policyName(p: PolicySummary): string {
  if (p.source === 'inline') return `inline policy ${p.name}`;
  return p.source === 'AWS::IAM::ManagedPolicy' ? `managed policy ${p.name}` : `policy ${p.name}`;
}

function policyWords(p: PolicySummary): string {
  if (p.allowsEverything) return EVERYTHING;
  return p.actions.length ? `allows ${p.actions.map(actionWords).join(', ')}` : 'allows nothing';
}

/** The action, with its wildcard named: `s3:* (wildcard)`, `* (every action)`. */
function actionWords(action: string): string {
  if (EVERY_ACTION.has(action)) return `${action} (every action)`;
  return action.includes('*') || action.includes('?') ? `${action} (wildcard)` : action;
}

function sessionChanges(o: ReviewedRole, n: ReviewedRole, add: Add): void {
  const before = o.maxSessionDuration;
  const after = n.maxSessionDuration;
  if (before !== after) {
    const words = `maximum session ${duration(before)} -> ${duration(after)}`;
    if (typeof before === 'number' && typeof after === 'number') {
      add(after > before ? 'max-session-raised' : 'max-session-lowered', after > before ? 'widens' : 'narrows', words, String(before), String(after));
    } else {
      add('max-session-changed', 'widens', `${words} (a deploy-time value: the review cannot compare)`, String(before), String(after));
    }
  }
  const revokedBefore = o.revokedBefore;
  const revokedAfter = n.revokedBefore;
  if (revokedBefore === revokedAfter) return;
  if (revokedAfter === undefined) {
    add('revocation-removed', 'widens', `revocation of sessions issued before ${revokedBefore} removed: those sessions are valid again until they expire`, revokedBefore);
  } else if (revokedBefore === undefined || Date.parse(revokedAfter) > Date.parse(revokedBefore)) {
    add('sessions-revoked', 'narrows', `sessions issued before ${revokedAfter} revoked`, revokedBefore, revokedAfter);
  } else {
    add('revocation-removed', 'widens', `sessions revoked before ${revokedAfter} instead of ${revokedBefore}: sessions issued in between may be valid again`, revokedBefore, revokedAfter);
  }
}

function findingChanges(before: ReviewFinding[], after: ReviewFinding[], role: string, out: TrustChange[]): void {
  const key = (f: ReviewFinding) => `${f.id}\u0000${f.message}`;
  const { pairs, added, removed } = pairUp(before, after, key, key);
  for (const f of added) out.push(findingChange(role, 'finding-new', f));
  for (const f of removed) out.push(findingChange(role, 'finding-fixed', f));
  for (const [o, n] of pairs) {
    if (n.acknowledged !== undefined && o.acknowledged === undefined) out.push(findingChange(role, 'finding-acknowledged', n));
    if (n.acknowledged === undefined && o.acknowledged !== undefined) out.push(findingChange(role, 'finding-unacknowledged', o));
  }
}

function findingChange(role: string, change: 'finding-new' | 'finding-fixed' | 'finding-acknowledged' | 'finding-unacknowledged', f: ReviewFinding): TrustChange {
  const name = `${f.id.replace(FINDING_PREFIX, '')} (${f.level}): ${f.message}`;
  const reason = f.acknowledged === undefined ? '' : ` (acknowledged: ${f.acknowledged})`;
  const sentence = {
    'finding-new': `new finding ${name}${reason}`,
    'finding-fixed': `finding fixed: ${name}`,
    'finding-acknowledged': `finding acknowledged: ${name}${reason}`,
    'finding-unacknowledged': `finding no longer acknowledged: ${name}`,
  }[change];
  const text = `${f.id}: ${f.message}`;
  return { role, change, effect: 'neutral', sentence, before: change === 'finding-new' ? undefined : text, after: change === 'finding-fixed' ? undefined : text };
}
