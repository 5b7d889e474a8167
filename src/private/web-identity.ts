/** The issuer host of GitHub Actions' OIDC tokens. */
export const GITHUB_ACTIONS_ISSUER = 'token.actions.githubusercontent.com';

/** The audience AWS STS expects in web-identity tokens by default. */
export const STS_AUDIENCE = 'sts.amazonaws.com';

/** Whether an IAM string condition value uses wildcards (and so needs `StringLike`). */
export function hasWildcard(value: string): boolean {
  return /[*?]/.test(value);
}

/** IAM `StringLike` matching: `*` any run of characters, `?` one character. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(value);
}
