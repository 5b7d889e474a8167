import { BUILTIN_PROVIDERS } from '../../private/builtin-web-identity';
import { FindingLevel, RoleCheck } from '../role-check';
import { allowStatements, literalText } from '../statements';

/** The web identity providers built into STS (Cognito in every partition, Google, Facebook, Amazon). */
const WEB_IDENTITY_PROVIDERS = Object.keys(BUILTIN_PROVIDERS);
const SESSION_ACTIONS = ['sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'];

/** The assume action that a principal needs. */
function requiredAction(kind: string, value: any): string {
  const text = literalText(value);
  if (kind === 'Federated') {
    if (text.includes(':saml-provider/')) return 'sts:AssumeRoleWithSAML';
    if (text.includes(':oidc-provider/') || WEB_IDENTITY_PROVIDERS.includes(text)) return 'sts:AssumeRoleWithWebIdentity';
    return '';
  }
  return 'sts:AssumeRole';
}

/** The statement's action does not let its principal assume the role. */
export const trustActionMismatch: RoleCheck = {
  id: 'TrustActionMismatch',
  level: FindingLevel.ERROR,
  trigger: 'A trust statement gives a principal an action it cannot use: SAML providers need sts:AssumeRoleWithSAML, OIDC providers sts:AssumeRoleWithWebIdentity, AWS and service principals sts:AssumeRole.',
  fix: 'Use the Trust factories (Trust.saml, Trust.openIdConnect, Trust.account, ...), which pick the right action, or correct "Action".',
  check(role) {
    const problems: string[] = [];
    for (const { index: i, principals, actions: written } of allowStatements(role.trustPolicy)) {
      const actions = written.filter((a) => typeof a === 'string');
      if (actions.some((a: string) => a === '*' || a === 'sts:*' || a.endsWith('*'))) continue;
      const assumeActions = actions.filter((a: string) => !SESSION_ACTIONS.includes(a));
      for (const [kind, values] of Object.entries(principals)) {
        for (const value of values) {
          const needed = requiredAction(kind, value);
          if (needed && !assumeActions.includes(needed)) {
            problems.push(`trust statement ${i} gives ${kind} principal ${literalText(value)} ${JSON.stringify(assumeActions)}; it needs ${needed}`);
          }
        }
      }
    }
    return problems;
  },
};
