import { allowWithNotPrincipal } from './allow-with-not-principal';
import { cognitoUnauthenticatedAccess } from './cognito-unauthenticated-access';
import { crossAccountWithoutGuard } from './cross-account-without-guard';
import { oidcSubjectLookAlike } from './oidc-subject-look-alike';
import { oidcSubjectTooBroad } from './oidc-subject-too-broad';
import { oidcWithoutAudience } from './oidc-without-audience';
import { oidcWithoutSubject } from './oidc-without-subject';
import { passRoleOnAnyRole } from './pass-role-on-any-role';
import { policyAllowsEverything } from './policy-allows-everything';
import { policyGrammar } from './policy-grammar';
import { serviceWithoutSourceGuard } from './service-without-source-guard';
import { trustActionMismatch } from './trust-action-mismatch';
import { trustAnyPrincipal } from './trust-any-principal';
import { trustCircularReference } from './trust-circular-reference';
import { trustCycle } from './trust-cycle';
import { trustPolicyNearQuota } from './trust-policy-near-quota';
import { wildcardInExactOperator } from './wildcard-in-exact-operator';
import { RoleCheck } from '../role-check';

/**
 * Every check, in the order findings are reported. One file per check, named after its id in
 * kebab case (a test holds every file of this folder to that).
 */
export const ROLE_CHECKS: RoleCheck[] = [
  policyGrammar,
  trustAnyPrincipal,
  allowWithNotPrincipal,
  trustActionMismatch,
  oidcWithoutSubject,
  oidcWithoutAudience,
  oidcSubjectTooBroad,
  oidcSubjectLookAlike,
  cognitoUnauthenticatedAccess,
  wildcardInExactOperator,
  crossAccountWithoutGuard,
  serviceWithoutSourceGuard,
  policyAllowsEverything,
  passRoleOnAnyRole,
  trustPolicyNearQuota,
  trustCycle,
  trustCircularReference,
];
