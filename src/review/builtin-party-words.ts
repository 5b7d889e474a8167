/**
 * Parties of the web identity providers built into STS, in plain words: `authenticated identities
 * of Cognito identity pool us-east-1:0f1e...`, `Google sign-in, client 1234...apps.googleusercontent.com`,
 * `Facebook login, app 111222333444555, user 10000000001`.
 */
import type { ConditionText, PartyCondition } from './trusted-party';
import {
  AUTHENTICATED, BuiltinProvider, BUILTIN_PROVIDERS, GOOGLE, GOOGLE_ORIGINAL_AUDIENCE_KEY, isCognitoPrincipal, UNAUTHENTICATED,
} from '../private/builtin-web-identity';

/** The built-in provider a principal names, if it names one. */
export function builtinProviderOf(principal: string): BuiltinProvider | undefined {
  return BUILTIN_PROVIDERS[principal];
}

/** What the audience of each provider is called. */
function audienceName(provider: BuiltinProvider): string {
  if (isCognitoPrincipal(provider.principal)) return 'identity pool';
  return provider === GOOGLE ? 'client' : 'app';
}

/** The keys of the provider that say who the party is (lower case). */
function whoKeys(provider: BuiltinProvider): string[] {
  const keys = [provider.audienceKey, provider.subjectKey];
  if (isCognitoPrincipal(provider.principal)) keys.push(`${provider.principal}:amr`);
  if (provider === GOOGLE) keys.push(GOOGLE_ORIGINAL_AUDIENCE_KEY);
  return keys;
}

/** Whether a condition of the provider's statement narrows who the party is (a positive comparison of one of its keys). */
export function builtinNarrowsWho(provider: BuiltinProvider, condition: ConditionText): boolean {
  return !/Not/.test(condition.operator) && whoKeys(provider).includes(condition.key.toLowerCase());
}

/** The words of one of the provider's own conditions, or `undefined` for any other condition. */
export function builtinConditionWords(provider: BuiltinProvider, condition: ConditionText): string | undefined {
  if (!builtinNarrowsWho(provider, condition)) return undefined;
  const key = condition.key.toLowerCase();
  const list = or(condition.values);
  if (key === provider.audienceKey) return `${audienceName(provider)} ${list}`;
  if (key === provider.subjectKey) return `${isCognitoPrincipal(provider.principal) ? 'identity' : 'user'} ${list}`;
  if (key === GOOGLE_ORIGINAL_AUDIENCE_KEY) return `original audience ${list}`;
  return identityWords(condition.values).join(', ');
}

/** Who the party of a built-in provider is, from the conditions of its statement. */
export function builtinWho(provider: BuiltinProvider, conditions: PartyCondition[]): string {
  const valuesOf = (key: string) => conditions.filter((c) => builtinNarrowsWho(provider, c) && c.key.toLowerCase() === key).flatMap((c) => c.values);
  const audiences = valuesOf(provider.audienceKey);
  const subjects = valuesOf(provider.subjectKey);
  const audience = audiences.length > 0 ? `${audienceName(provider)} ${or(audiences)}` : `any ${audienceName(provider)}`;
  if (isCognitoPrincipal(provider.principal)) {
    const amr = valuesOf(`${provider.principal}:amr`);
    const [kind, ...how] = amr.length > 0 ? identityWords(amr) : ['any identity (authenticated or guest)'];
    const pool = audiences.length > 0 ? `Cognito identity pool ${or(audiences)}` : 'any Cognito identity pool';
    return [`${kind} of ${pool}`, ...how, ...(subjects.length > 0 ? [`identity ${or(subjects)}`] : [])].join(', ');
  }
  const original = valuesOf(GOOGLE_ORIGINAL_AUDIENCE_KEY);
  return [
    `${provider.name}, ${audience}`,
    ...(original.length > 0 ? [`original audience ${or(original)}`] : []),
    ...(subjects.length > 0 ? [`user ${or(subjects)}`] : []),
  ].join(', ');
}

/**
 * Cognito `amr` values in words: the kinds of identity (`authenticated and unauthenticated (guest)
 * identities`), then the login providers (`signed in with graph.facebook.com`) and patterns.
 */
function identityWords(values: string[]): string[] {
  const kinds = [
    ...(values.includes(AUTHENTICATED) ? ['authenticated'] : []),
    ...(values.includes(UNAUTHENTICATED) ? ['unauthenticated (guest)'] : []),
  ];
  const others = values.filter((v) => v !== AUTHENTICATED && v !== UNAUTHENTICATED);
  const providers = others.filter((v) => !/[*?]/.test(v));
  const patterns = others.filter((v) => /[*?]/.test(v));
  return [
    kinds.length > 0 ? `${kinds.join(' and ')} identities` : 'identities',
    ...(providers.length > 0 ? [`signed in with ${or(providers)}`] : []),
    ...(patterns.length > 0 ? [`amr matching ${or(patterns)}`] : []),
  ];
}

function or(values: string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
