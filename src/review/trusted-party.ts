/**
 * The one model of "a trusted party with its conditions": read from a trust policy whose
 * intrinsics are rendered as text (see `TemplateValues`), used by the report, the Mermaid graph
 * and the diff. Statements are walked with the same helpers as the checks (`statements.ts`).
 */
import { conditionWords, partyWho } from './party-words';
import { namedRole } from './role-arn';
import { conditionEntries, listOf, principalsOf, statementsOf } from '../validation/statements';

/** What kind of principal a party is. */
export type PartyKind =
  | 'anyone'
  | 'account'
  | 'role'
  | 'role-session'
  | 'user'
  | 'service'
  | 'web-identity'
  | 'saml'
  | 'other';

/** One condition of a trust statement, with its values as text. */
export interface PartyCondition {
  /** The operator, e.g. `StringEquals`. */
  readonly operator: string;
  /** The condition key as written, e.g. `sts:ExternalId`. */
  readonly key: string;
  /** The values, rendered as text. */
  readonly values: string[];
  /** The condition in plain words, e.g. `ExternalId partner-7d1f3a`; empty when it goes without saying. */
  readonly words: string;
  /** Whether the words narrow who the party is (subject, organization, source account) rather than how it signs in. */
  readonly narrowsWho: boolean;
}

/** A condition entry of a statement, values rendered as text. */
export interface ConditionText {
  readonly operator: string;
  readonly key: string;
  readonly values: string[];
}

/** A principal a trust policy lets assume the role, with the conditions of its statement. */
export interface TrustedParty {
  readonly kind: PartyKind;
  /** The principal as written, intrinsics rendered (`arn:{partition}:iam::111122223333:root`). */
  readonly principal: string;
  /** The principal's element of the statement: `AWS`, `Service`, `Federated`, `CanonicalUser` or `*`. */
  readonly principalType: string;
  /** Who, in plain words, with the conditions that narrow who: `GitHub Actions: repository acme/app, branch main`. */
  readonly who: string;
  /** The whole party in plain words: who, then ` with ` and how it must sign in. */
  readonly sentence: string;
  /** The conditions of the statement, in the order written. */
  readonly conditions: PartyCondition[];
  /** The actions allowed (`sts:AssumeRole`, `sts:TagSession`, ...). */
  readonly actions: string[];
  /** The statement's position in the trust policy. */
  readonly statement: number;
  /** The statement's Sid, if any. */
  readonly sid?: string;
  /** The role of the app the principal names, by index, if any. */
  readonly appRole?: number;
  /** The account the principal belongs to, if the text says (`{account}` is resolved to `ownAccount`). */
  readonly account?: string;
  /** Whether the principal is in another account than the role (known accounts only). */
  readonly crossAccount: boolean;
  /** Whether some conditions of the statement are deploy-time values the review cannot read. */
  readonly unreadConditions: boolean;
}

/** What a party's words need to know of the app. */
export interface PartyContext {
  /** The account of the role's stack, or a symbol shared by every environment-agnostic stack. */
  readonly ownAccount: string;
  /** Whether `ownAccount` is a real account ID. */
  readonly ownAccountKnown: boolean;
  /** Readable text for role markers (`<App/Stack/Role.Arn>`). */
  display(text: string): string;
  /** The label of an app role by index. */
  roleLabel(index: number): string;
  /** The index of the app role with this name in this account (and path, when given), if any. */
  roleByName?(account: string, name: string, path?: string): number | undefined;
}

/**
 * The trusted parties of a rendered trust policy: one per principal of each Allow statement.
 * `NotPrincipal` statements give one party, "anyone except ...".
 */
export function trustedParties(document: any, context: PartyContext): TrustedParty[] {
  const parties: TrustedParty[] = [];
  statementsOf(document).forEach((statement, index) => {
    if (!statement || statement.Effect !== 'Allow') return;
    const actions = listOf(statement.Action).map(String);
    const entries: ConditionText[] = conditionEntries(statement)
      .map(({ operator, key, values }) => ({ operator, key, values: values.map((v) => context.display(textOf(v))) }));
    const unreadConditions = statement.Condition !== undefined && (typeof statement.Condition !== 'object' || Array.isArray(statement.Condition)
      || Object.values(statement.Condition).some((block) => !block || typeof block !== 'object' || Array.isArray(block)));
    const base = { actions, statement: index, sid: typeof statement.Sid === 'string' ? statement.Sid : undefined, unreadConditions };
    if (statement.NotPrincipal !== undefined) {
      const excepted = Object.values(principalsOf(statement.NotPrincipal)).flat().map((v) => context.display(textOf(v)));
      parties.push(party({ ...base, principalType: 'NotPrincipal', raw: `not ${excepted.join(', ')}`, kind: 'anyone' }, entries, context, `anyone except ${excepted.join(', ')}`));
      return;
    }
    for (const [principalType, values] of Object.entries(principalsOf(statement.Principal))) {
      for (const value of values) {
        const raw = textOf(value);
        parties.push(party({ ...base, principalType, raw, kind: kindOf(principalType, raw) }, entries, context));
      }
    }
  });
  return parties;
}

interface PartyBase {
  readonly actions: string[];
  readonly statement: number;
  readonly sid?: string;
  readonly unreadConditions: boolean;
  readonly principalType: string;
  readonly raw: string;
  readonly kind: PartyKind;
}

function party(base: PartyBase, entries: ConditionText[], context: PartyContext, fixedWho?: string): TrustedParty {
  const named = base.principalType === 'AWS' ? namedRole(base.raw, context.ownAccount) : undefined;
  const appRole = named?.kind === 'reference' ? named.index : named?.kind === 'name' ? context.roleByName?.(named.account, named.name, named.path) : undefined;
  const account = accountOf(base.raw, context.ownAccount);
  const conditions = conditionWords(base.kind, base.raw, entries, context);
  const who = fixedWho ?? partyWho(base.kind, base.raw, appRole !== undefined ? context.roleLabel(appRole) : undefined, conditions, context);
  const how = conditions.filter((c) => !c.narrowsWho && c.words).map((c) => c.words);
  if (base.unreadConditions) how.push('conditions that are deploy-time values (not shown)');
  const { raw, ...rest } = base;
  return {
    ...rest,
    principal: context.display(raw),
    who,
    sentence: how.length ? `${who} with ${joinWords(how)}` : who,
    conditions,
    appRole,
    account,
    crossAccount: account !== undefined && account !== context.ownAccount && (context.ownAccountKnown || !/^\{/.test(account)) && /^\d{12}$/.test(account),
  };
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function kindOf(principalType: string, raw: string): PartyKind {
  if (principalType === 'Service') return 'service';
  if (principalType === 'Federated') return /:saml-provider\//.test(raw) ? 'saml' : 'web-identity';
  if (principalType !== 'AWS') return 'other';
  if (raw === '*') return 'anyone';
  if (/^\d{12}$|^\{account\}$/.test(raw) || /^arn:[^:]*:iam::[^:]*:root$/.test(raw)) return 'account';
  if (/^arn:[^:]*:iam::[^:]*:role\//.test(raw) || /^\u0001role:\d+:Arn\u0001$/.test(raw)) return 'role';
  if (/^arn:[^:]*:sts::[^:]*:assumed-role\//.test(raw)) return 'role-session';
  if (/^arn:[^:]*:iam::[^:]*:user\//.test(raw)) return 'user';
  return 'other';
}

function accountOf(raw: string, ownAccount: string): string | undefined {
  const m = /^(\d{12}|\{account\})$/.exec(raw) ?? /^arn:[^:]*:(?:iam|sts)::([^:]+):/.exec(raw);
  if (!m) return undefined;
  const text = m[m.length - 1];
  return text === '{account}' ? ownAccount : text;
}
