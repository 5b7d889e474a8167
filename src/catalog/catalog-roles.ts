import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AssumableRole, AssumableRoleOptions } from '../roles/assumable-role';
import { BoundedRole } from '../roles/bounded-role';
import { CrossAccountRole } from '../roles/cross-account-role';
import { IrsaRole } from '../roles/irsa-role';
import { PermissionsBoundary } from '../roles/permissions-boundary';
import { ServiceRole } from '../roles/service-role';
import { OidcIssuer } from '../trust/oidc-issuer';
import { Trust } from '../trust/trust';
import { TrustRelationship } from '../trust/trust-relationship';
import { RoleChecks } from '../validation/role-checks';

/**
 * Builders from catalog entries (already validated against the schema and the rules) to the
 * role constructs of this library, so that every construct-level check applies too.
 */

/**
 * The construct ID of a role: its name. Role names use only letters, digits and `+=,.@_-`,
 * all valid in construct IDs, and are unique in a catalog (case-insensitively), so the ID
 * needs no rewriting and does not depend on the role's position in the list: reordering the
 * catalog never replaces a role.
 */
export function constructIdOf(name: string): string {
  // Role names cannot contain "/", the one character construct IDs reject; guard anyway.
  return name.replace(/\//g, '_');
}

/** Creates the construct for one entry. */
export function createRole(scope: Construct, entry: any): AssumableRole {
  const role = createConstruct(scope, entry);
  for (const [check, reason] of Object.entries<string>(entry.acknowledgedChecks ?? {})) {
    RoleChecks.acknowledge(role, check, reason);
  }
  return role;
}

function createConstruct(scope: Construct, entry: any): AssumableRole {
  const id = constructIdOf(entry.name);
  const common = commonOptions(entry);
  const boundary = entry.permissionsBoundaryArn ? PermissionsBoundary.fromArn(entry.permissionsBoundaryArn) : undefined;
  switch (entry.kind) {
    case 'service':
      return new ServiceRole(scope, id, {
        ...common,
        permissionsBoundary: boundary,
        services: entry.services,
        restrictToSourceAccount: entry.restrictToSourceAccount,
        sourceArns: entry.sourceArns,
        instanceProfile: entry.instanceProfile,
      });
    case 'cross-account':
      return new CrossAccountRole(scope, id, {
        ...common,
        permissionsBoundary: boundary,
        trustedAccounts: entry.trustedAccounts,
        trustedRoleArns: entry.trustedRoleArns,
        trustedUserArns: entry.trustedUserArns,
        externalIds: entry.externalIds,
        requireMfa: entry.requireMfa,
        mfaMaxAge: entry.mfaMaxAgeSeconds !== undefined ? Duration.seconds(entry.mfaMaxAgeSeconds) : undefined,
        principalArnPatterns: entry.principalArnPatterns,
        organizationId: entry.organizationId,
        sessionTags: entry.sessionTags,
        sourceIdentity: entry.sourceIdentity,
      });
    case 'irsa':
      return new IrsaRole(scope, id, {
        ...common,
        permissionsBoundary: boundary,
        issuers: [
          ...(entry.oidcProviderArns ?? []).map((arn: string) => OidcIssuer.fromProviderArn(arn)),
          ...(entry.issuerUrls ?? []).map((url: string) => OidcIssuer.fromIssuerUrl(url)),
        ],
        serviceAccounts: entry.serviceAccounts,
      });
    case 'bounded':
      return new BoundedRole(scope, id, {
        ...common,
        permissionsBoundary: boundary!,
        trust: (entry.trust ?? []).map(trustOf),
      });
    default:
      throw new Error(`unknown role kind ${JSON.stringify(entry.kind)}`);
  }
}

function commonOptions(entry: any): AssumableRoleOptions {
  const policies: { [name: string]: any } = {};
  for (const policy of entry.policies ?? []) {
    policies[policy.name] = { Version: '2012-10-17', Statement: policy.statements };
  }
  return {
    roleName: entry.name,
    description: entry.description,
    path: entry.path,
    maxSessionDuration: entry.maxSessionDurationSeconds !== undefined ? Duration.seconds(entry.maxSessionDurationSeconds) : undefined,
    tags: entry.tags,
    managedPolicyArns: entry.managedPolicyArns,
    awsManagedPolicyNames: entry.awsManagedPolicyNames,
    inlinePolicyJson: Object.keys(policies).length > 0 ? policies : undefined,
  };
}

/** One trust entry of a `bounded` role. */
function trustOf(entry: any): TrustRelationship {
  if (entry.service !== undefined) {
    const trust = Trust.service(entry.service);
    return entry.restrictToSourceAccount ? trust.withSourceAccount() : trust;
  }
  if (entry.gitHubRepository !== undefined) {
    return Trust.githubActions({ repository: entry.gitHubRepository, branches: entry.branches, environments: entry.environments });
  }
  let trust = entry.account !== undefined ? Trust.account(entry.account) : Trust.role(entry.roleArn);
  if (entry.externalId !== undefined) {
    trust = trust.withExternalId(entry.externalId);
  }
  return entry.requireMfa ? trust.requireMfa() : trust;
}
