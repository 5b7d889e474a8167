/**
 * Reading which role a trust-policy principal names, from principal text in which every
 * deploy-time value has been rendered as a placeholder: `{partition}`, `{account}`, `{token}`
 * (anything else) and, for references to roles of the app, a role marker (see `roleMarker`).
 */
import { ACCOUNT_ID, matches } from '../private/rules';

/** Placeholder for the account the stack is deployed to (`Ref AWS::AccountId`). */
export const ACCOUNT_PLACEHOLDER = '{account}';
/** Placeholder for any deploy-time value that is not a role reference or a pseudo parameter. */
export const TOKEN_PLACEHOLDER = '{token}';

const MARK = '\u0001';

/** The text that stands for a reference to a role of the app (attribute `Arn` or `Ref`). */
export function roleMarker(index: number, attribute: string): string {
  return `${MARK}role:${index}:${attribute}${MARK}`;
}

/** What a principal names. */
export type NamedRole =
  | { readonly kind: 'reference'; readonly index: number }
  | { readonly kind: 'name'; readonly account: string; readonly name: string; readonly path?: string };

const WHOLE_MARKER = new RegExp(`^${MARK}role:(\\d+):Arn${MARK}$`);
const NAME_MARKER = new RegExp(`^${MARK}role:(\\d+):Ref${MARK}$`);
// arn:<partition>:iam::<account>:role/<path...><name>  and  arn:<partition>:sts::<account>:assumed-role/<name>/<session>
const ROLE_ARN = /^arn:[^:]+:iam::([^:]+):role(\/(?:.*\/)?)([^/]+)$/;
const SESSION_ARN = /^arn:[^:]+:sts::([^:]+):assumed-role\/([^/]+)\/[^/]+$/;

/**
 * The role a principal value names, or undefined (an account, a service, a user, a wildcard,
 * or text with deploy-time values that cannot be read).
 *
 * @param value principal text, deploy-time values rendered as placeholders
 * @param ownAccount the account `{account}` stands for in this role's stack
 */
export function namedRole(value: string, ownAccount: string): NamedRole | undefined {
  const whole = WHOLE_MARKER.exec(value);
  if (whole) {
    return { kind: 'reference', index: Number(whole[1]) };
  }
  const arn = ROLE_ARN.exec(value);
  if (arn) {
    const account = accountOf(arn[1], ownAccount);
    const byRef = NAME_MARKER.exec(arn[3]);
    if (byRef) {
      return { kind: 'reference', index: Number(byRef[1]) };
    }
    if (account === undefined || !isLiteral(arn[2]) || !isLiteral(arn[3])) {
      return undefined;
    }
    return { kind: 'name', account, path: arn[2], name: arn[3] };
  }
  const session = SESSION_ARN.exec(value);
  if (session) {
    const account = accountOf(session[1], ownAccount);
    return account !== undefined && isLiteral(session[2]) ? { kind: 'name', account, name: session[2] } : undefined;
  }
  return undefined;
}

function accountOf(text: string, ownAccount: string): string | undefined {
  if (text === ACCOUNT_PLACEHOLDER) return ownAccount;
  return matches(ACCOUNT_ID, text) ? text : undefined;
}

/** Text with no placeholder, marker or wildcard in it. */
function isLiteral(text: string): boolean {
  return !/[{}<>*?\u0001]/.test(text);
}
