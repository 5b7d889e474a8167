/**
 * This library's own modules that only some apps use, loaded on first use instead of with the
 * role constructs and `Trust` (issue 14: a cold `cdk synth` pays to compile every module it
 * loads). An app of roles with the usual trusts (accounts with ExternalId and MFA, services,
 * EKS service accounts, GitHub Actions) loads none of: trust policies given as JSON and their
 * lifting into typed relationships, policy JSON parsing, the organization, SAML, built-in web
 * identity, GitLab, HCP Terraform and EKS Pod Identity trusts, Pod Identity associations (and
 * aws-cdk-lib/aws-eks), `outputs`, `allowSelfAssume`, the caller's policy, CLI profiles and
 * Kubernetes manifests.
 *
 * `import type` keeps the types; only these functions load the code (node caches the module, so
 * later calls are a lookup). None of these modules registers anything when loaded, so loading
 * them late changes nothing else. test/lazy-features.test.ts fails when a static import brings
 * one of them back into such an app.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as CallerActions from './caller-actions';
import type * as CiSubjects from './ci-subjects';
import type * as CliProfile from './handoff/cli-profile';
import type * as Kubernetes from './handoff/kubernetes';
import type * as PodIdentity from './pod-identity';
import type * as PodIdentityAssociationInput from './pod-identity-association-input';
import type * as PolicyInput from './policy-input';
import type * as PrecreatedReport from './precreated-report';
import type * as RoleOutputs from './role-outputs';
import type * as SelfAssume from './self-assume';
import type * as TrustLifting from './trust-lifting';
import type * as CallerPolicy from '../roles/caller-policy';
import type * as BuiltinWebIdentityTrust from '../trust/builtin-web-identity-trust';
import type * as OrganizationTrust from '../trust/organization-trust';
import type * as PodIdentityRoleTrust from '../trust/pod-identity-role-trust';
import type * as PolicyJsonTrust from '../trust/policy-json-trust';
import type * as SamlTrust from '../trust/saml-trust';

// ---- Policies given as JSON ----

/** Reading a policy given as JSON (text or object): `inlinePolicyJson`, `Trust.fromPolicyJson`. */
export function policyInput(): typeof PolicyInput {
  return require('./policy-input');
}

/** Lifting the statements of a trust policy given as JSON into typed relationships. */
export function trustLifting(): typeof TrustLifting {
  return require('./trust-lifting');
}

// ---- Trust kinds beyond accounts, roles, users, services and OIDC providers ----

let policyJsonTrustModule: typeof PolicyJsonTrust | undefined;
let organizationTrustModule: typeof OrganizationTrust | undefined;

/** `Trust.fromPolicyJson`. */
export function policyJsonTrust(): typeof PolicyJsonTrust {
  return policyJsonTrustModule ??= require('../trust/policy-json-trust');
}

/** `Trust.organization`, `Trust.organizationalUnits`. */
export function organizationTrust(): typeof OrganizationTrust {
  return organizationTrustModule ??= require('../trust/organization-trust');
}

/** `Trust.saml`. */
export function samlTrust(): typeof SamlTrust {
  return require('../trust/saml-trust');
}

/** `Trust.cognitoIdentityPool`, `google`, `facebook`, `loginWithAmazon`. */
export function builtinWebIdentityTrust(): typeof BuiltinWebIdentityTrust {
  return require('../trust/builtin-web-identity-trust');
}

/** `Trust.eksPodIdentity`: its restriction by the session tags EKS sets. */
export function podIdentity(): typeof PodIdentity {
  return require('./pod-identity');
}

/** `Trust.eksPodIdentityRole`. */
export function podIdentityRoleTrust(): typeof PodIdentityRoleTrust {
  return require('../trust/pod-identity-role-trust');
}

/** The subjects of `Trust.gitlabCi` and `Trust.hcpTerraform`. */
export function ciSubjects(): typeof CiSubjects {
  return require('./ci-subjects');
}

// ---- Kind checks that load nothing ----

/**
 * Whether `value` is a `PolicyJsonTrust`, without loading its module when `Trust.fromPolicyJson`
 * has not: every such value is made there, through `policyJsonTrust()`, so before that none
 * exists (`outputs` and Pod Identity associations ask this of every trust of a role).
 */
export function isPolicyJsonTrust(value: unknown): value is PolicyJsonTrust.PolicyJsonTrust {
  return policyJsonTrustModule !== undefined && value instanceof policyJsonTrustModule.PolicyJsonTrust;
}

/** Whether `value` is an `OrganizationTrust` (made only by `Trust.organization*`), as `isPolicyJsonTrust`. */
export function isOrganizationTrust(value: unknown): value is OrganizationTrust.OrganizationTrust {
  return organizationTrustModule !== undefined && value instanceof organizationTrustModule.OrganizationTrust;
}

// ---- Role features that are asked for ----

/** `podIdentityAssociations`, `addPodIdentityAssociation` (and aws-cdk-lib/aws-eks with them). */
export function podIdentityAssociationInput(): typeof PodIdentityAssociationInput {
  return require('./pod-identity-association-input');
}

/** `outputs: true`: the switch-role link. */
export function roleOutputs(): typeof RoleOutputs {
  return require('./role-outputs');
}

/** `allowSelfAssume`. */
export function selfAssume(): typeof SelfAssume {
  return require('./self-assume');
}

/** Roles pre-created under `iam.Role.customizeRoles`. */
export function precreatedReport(): typeof PrecreatedReport {
  return require('./precreated-report');
}

/** `CrossAccountRole.callerPolicyStatement`. */
export function callerActions(): typeof CallerActions {
  return require('./caller-actions');
}

/** `CrossAccountRole.grantAssumeFrom`. */
export function callerPolicy(): typeof CallerPolicy {
  return require('../roles/caller-policy');
}

/** `cliProfile`. */
export function cliProfileHandoff(): typeof CliProfile {
  return require('./handoff/cli-profile');
}

/** `kube2iamAnnotations`, and the service account annotations and manifests of `IrsaRole`. */
export function kubernetesHandoff(): typeof Kubernetes {
  return require('./handoff/kubernetes');
}
