import { Token } from 'aws-cdk-lib';
import { breaks, KUBERNETES_NAME, KUBERNETES_NAMESPACE } from './rules';
import { STS_AUDIENCE } from './web-identity';
import type { OidcIssuer } from '../trust/oidc-issuer';
import { WebIdentityTrust } from '../trust/web-identity-trust';

/**
 * Builders for the `sub` values of web-identity tokens, with the naming rules of each issuer.
 * Each returns the subjects and the problems found, so errors can be reported later with
 * the construct path.
 */


/** `system:serviceaccount:<namespace>:<name>` subjects from `namespace:name` strings. */
export function serviceAccountSubjects(serviceAccounts: string[]): { subjects: string[]; problems: string[] } {
  const problems: string[] = [];
  const subjects = serviceAccounts.map((sa) => {
    const parts = sa.split(':');
    // Deploy-time values are not checked; a whole-token entry must resolve to "namespace:name".
    if (parts.length === 1 && Token.isUnresolved(sa)) {
      return `system:serviceaccount:${sa}`;
    }
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      problems.push(`service account ${JSON.stringify(sa)} must be written "namespace:name"`);
      return `system:serviceaccount:${sa}`;
    }
    if (breaks(KUBERNETES_NAMESPACE, parts[0])) {
      problems.push(`namespace ${JSON.stringify(parts[0])} in ${JSON.stringify(sa)} ${KUBERNETES_NAMESPACE.rule}`);
    }
    if (breaks(KUBERNETES_NAME, parts[1])) {
      problems.push(`service account name ${JSON.stringify(parts[1])} in ${JSON.stringify(sa)} ${KUBERNETES_NAME.rule}`);
    }
    return `system:serviceaccount:${parts[0]}:${parts[1]}`;
  });
  return { subjects, problems };
}

/**
 * `Trust.eksServiceAccounts` from subjects already worked out with `serviceAccountSubjects`:
 * an `IrsaRole` checks its service accounts once, whatever the number of issuers.
 */
export function eksServiceAccountsTrust(issuer: OidcIssuer, accounts: { subjects: string[]; problems: string[] }): WebIdentityTrust {
  return WebIdentityTrust._create('Trust.eksServiceAccounts', issuer, accounts.subjects, [STS_AUDIENCE], accounts.problems);
}
