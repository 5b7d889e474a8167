import { FindingLevel, RoleCheck } from '../role-check';
import { webIdentityStatements } from '../web-identity-statements';

/** OIDC trust (IRSA, GitHub Actions, any issuer) without a `sub` condition. */
export const oidcWithoutSubject: RoleCheck = {
  id: 'OidcWithoutSubject',
  level: FindingLevel.ERROR,
  trigger: 'A web-identity trust statement for an OIDC issuer (EKS, GitHub Actions, GitLab, any issuer other than Cognito, Google, Facebook and Login with Amazon) has no "<issuer>:sub" condition: every identity the issuer vouches for (any pod, any repository) could assume the role.',
  fix: 'Name the subjects: Trust.eksServiceAccounts(issuer, ["ns:name"]), Trust.githubActions({ repository, branches }), Trust.openIdConnect(issuer, { subjects }).',
  check(role) {
    return webIdentityStatements(role.trustPolicy)
      .filter(({ keys, builtIn }) => builtIn.length === 0 && !keys.some((k) => k.endsWith(':sub')))
      .map(({ i }) => `trust statement ${i} (sts:AssumeRoleWithWebIdentity) has no ":sub" condition`);
  },
};
