import { allowNotPrincipal } from './allow-not-principal';
import { crossAccountUnguarded } from './cross-account-unguarded';
import { RoleCheck } from './model';
import { oidcSubjectTooBroad, oidcWithoutAud, oidcWithoutSub } from './oidc-conditions';
import { oidcSubjectLookAlike } from './oidc-subject-look-alike';
import { passRoleOnAnyRole, policyAllowsAll } from './permissive-policies';
import { policyGrammar } from './policy-grammar';
import { serviceWithoutSourceGuard } from './service-without-source-guard';
import { trustActionMismatch } from './trust-action-mismatch';
import { trustAnyPrincipal } from './trust-any-principal';
import { trustCircularReference } from './trust-circular-reference';
import { trustCycle } from './trust-cycle';
import { trustPolicyNearQuota } from './trust-policy-near-quota';
import { wildcardInExactOperator } from './wildcard-in-exact-operator';

/** Every per-role check, in the order findings are reported. */
export const ROLE_CHECKS: RoleCheck[] = [
  policyGrammar,
  trustAnyPrincipal,
  allowNotPrincipal,
  trustActionMismatch,
  oidcWithoutSub,
  oidcWithoutAud,
  oidcSubjectTooBroad,
  oidcSubjectLookAlike,
  wildcardInExactOperator,
  crossAccountUnguarded,
  serviceWithoutSourceGuard,
  policyAllowsAll,
  passRoleOnAnyRole,
  trustPolicyNearQuota,
  trustCycle,
  trustCircularReference,
];
