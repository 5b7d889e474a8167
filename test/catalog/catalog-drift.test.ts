/**
 * The catalog describes the same roles as the constructs: every construct prop and every
 * `Trust` factory has a catalog field, and every catalog field stands for a prop, a factory or
 * a method of a trust value. The props and factories are read from the TypeScript sources (the
 * compiler's parser, no build needed), so a prop or factory added without a catalog field
 * fails here, naming it.
 *
 * To fix a failure: add the catalog field (catalog-schema.ts, catalog-roles.ts, a malformed
 * row, `npx projen schema:catalog`) and its line in CATALOG_FIELDS / TRUST_FACTORY_FIELDS, or,
 * for a value a file cannot hold, a commented line in NOT_IN_CATALOG.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { roleCatalogSchema } from '../../src/catalog/catalog-schema';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Where a prop or factory lives in a catalog: a role field, or a field of a trust entry. */
type Field = `role.${string}` | `trust.${string}`;

/** The catalog field(s) of each construct prop, by `Interface.prop`. */
const CATALOG_FIELDS: Record<string, Field[]> = {
  'AssumableRoleOptions.roleName': ['role.name'],
  'AssumableRoleOptions.description': ['role.description'],
  'AssumableRoleOptions.path': ['role.path'],
  'AssumableRoleOptions.maxSessionDuration': ['role.maxSessionDurationSeconds'],
  'AssumableRoleOptions.managedPolicyArns': ['role.managedPolicyArns'],
  'AssumableRoleOptions.awsManagedPolicyNames': ['role.awsManagedPolicyNames'],
  'AssumableRoleOptions.inlinePolicyJson': ['role.policies'],
  'AssumableRoleOptions.tags': ['role.tags'],
  'AssumableRoleOptions.removalPolicy': ['role.removalPolicy'],
  'AssumableRoleOptions.trust': ['role.trust', 'role.trustPolicy'],
  'AssumableRoleOptions.outputs': ['role.outputs'],
  'AssumableRoleOptions.trustPolicySizeQuota': ['role.trustPolicySizeQuota'],
  'AssumableRoleOptions.managedPoliciesQuota': ['role.managedPoliciesQuota'],
  'AssumableRoleOptions.allowSelfAssume': ['role.allowSelfAssume'],
  'AssumableRoleOptions.podIdentityAssociations': ['role.podIdentityAssociations'],
  'AssumableRoleProps.permissionsBoundary': ['role.permissionsBoundaryArn'],
  'BoundedRoleProps.permissionsBoundary': ['role.permissionsBoundaryArn'],
  'ServiceRoleProps.services': ['role.services'],
  'ServiceRoleProps.restrictToSourceAccount': ['role.restrictToSourceAccount'],
  'ServiceRoleProps.sourceArns': ['role.sourceArns'],
  'ServiceRoleProps.instanceProfile': ['role.instanceProfile'],
  'CrossAccountRoleProps.trustedAccounts': ['role.trustedAccounts'],
  'CrossAccountRoleProps.trustedRoleArns': ['role.trustedRoleArns'],
  'CrossAccountRoleProps.trustedUserArns': ['role.trustedUserArns'],
  'CrossAccountRoleProps.externalIds': ['role.externalIds'],
  'CrossAccountRoleProps.requireMfa': ['role.requireMfa'],
  'CrossAccountRoleProps.mfaMaxAge': ['role.mfaMaxAgeSeconds'],
  'CrossAccountRoleProps.principalArnPatterns': ['role.principalArnPatterns'],
  'CrossAccountRoleProps.organizationId': ['role.organizationId'],
  'CrossAccountRoleProps.sessionTags': ['role.sessionTags'],
  'CrossAccountRoleProps.sourceIdentity': ['role.sourceIdentity'],
  'IrsaRoleProps.issuers': ['role.oidcProviderArns', 'role.issuerUrls'],
  'IrsaRoleProps.serviceAccounts': ['role.serviceAccounts'],
};

/** The catalog field of each `Trust` static factory. */
const TRUST_FACTORY_FIELDS: Record<string, Field[]> = {
  'Trust.service': ['trust.service', 'role.services'],
  'Trust.services': ['role.services'],
  'Trust.eksPodIdentity': ['trust.eksPodIdentity'],
  'Trust.eksPodIdentityRole': ['trust.eksPodIdentityRoleArn'],
  'Trust.account': ['trust.account', 'role.trustedAccounts'],
  'Trust.accounts': ['role.trustedAccounts'],
  'Trust.role': ['trust.roleArn', 'role.trustedRoleArns'],
  'Trust.roles': ['role.trustedRoleArns'],
  'Trust.user': ['role.trustedUserArns'],
  // Roots, roles and users by ARN: the three lists of a cross-account role together.
  'Trust.principals': ['role.trustedAccounts', 'role.trustedRoleArns', 'role.trustedUserArns'],
  'Trust.eksServiceAccounts': ['role.serviceAccounts'],
  'Trust.eksServiceAccount': ['role.serviceAccounts'],
  'Trust.githubActions': ['trust.gitHubRepository'],
  'Trust.gitlabCi': ['trust.gitLabProject'],
  'Trust.hcpTerraform': ['trust.hcpTerraformOrganization'],
  'Trust.openIdConnect': ['trust.oidcProviderArn'],
  'Trust.saml': ['trust.samlProviderArn'],
  'Trust.fromPolicyJson': ['role.trustPolicy'],
  // Organizations
  'Trust.organization': ['trust.organization'],
  'Trust.organizationalUnits': ['trust.organizationalUnits'],
  'Trust.cognitoIdentityPool': ['trust.cognitoIdentityPoolId'],
  'Trust.google': ['trust.googleClientIds'],
  'Trust.facebook': ['trust.facebookAppIds'],
  'Trust.loginWithAmazon': ['trust.loginWithAmazonAppIds'],
};

/** Catalog fields that are options of a factory or a method of a trust value, not props. */
const TRUST_OPTION_FIELDS: Record<Field, string> = {
  'trust.restrictToSourceAccount': 'ServiceTrust.withSourceAccount',
  'trust.externalId': 'AwsPrincipalTrust.withExternalId',
  'trust.requireMfa': 'AwsPrincipalTrust.requireMfa, OrganizationTrust.requireMfa',
  'trust.branches': 'GitHubActionsTrustOptions.branches, GitLabCiTrustOptions.branches',
  'trust.environments': 'GitHubActionsTrustOptions.environments',
  // CI identities
  'trust.tags': 'GitHubActionsTrustOptions.tags, GitLabCiTrustOptions.tags',
  'trust.pullRequests': 'GitHubActionsTrustOptions.pullRequests',
  'trust.subjectFormat': 'GitHubActionsTrustOptions.subjectFormat',
  'trust.repositoryOwnerId': 'GitHubActionsTrustOptions.repositoryOwnerId',
  'trust.repositoryId': 'GitHubActionsTrustOptions.repositoryId',
  'trust.subjectClaimKeys': 'GitHubActionsTrustOptions.subjectClaimKeys',
  'trust.subjectClaimValues': 'GitHubActionsTrustOptions.subjectClaimValues',
  'trust.jobWorkflowRefs': 'GitHubActionsTrustOptions.jobWorkflowRefs',
  'trust.workflows': 'GitHubActionsTrustOptions.workflows',
  'trust.actors': 'GitHubActionsTrustOptions.actors',
  'trust.actorIds': 'GitHubActionsTrustOptions.actorIds',
  'trust.enterpriseId': 'GitHubActionsTrustOptions.enterpriseId',
  'trust.projectId': 'GitLabCiTrustOptions.projectId',
  'trust.namespaceId': 'GitLabCiTrustOptions.namespaceId',
  'trust.protectedRefsOnly': 'GitLabCiTrustOptions.protectedRefsOnly',
  'trust.projects': 'HcpTerraformTrustOptions.projects',
  'trust.workspaces': 'HcpTerraformTrustOptions.workspaces',
  'trust.runPhases': 'HcpTerraformTrustOptions.runPhases',
  'trust.instanceUrl': 'GitLabCiTrustOptions.issuer, HcpTerraformTrustOptions.issuer (OidcIssuer.gitlab(url), OidcIssuer.hcpTerraform(url))',
  'trust.subjects': 'OpenIdConnectTrustOptions.subjects',
  'trust.audiences': 'OpenIdConnectTrustOptions.audiences, SamlTrustOptions.audiences, GitLabCiTrustOptions.audiences, HcpTerraformTrustOptions.audiences, WebIdentityTrust.withAudiences',
  'trust.principalArnPatterns': 'OrganizationTrust.withPrincipalArn',
  'trust.clusterNames': 'EksPodIdentityTrustOptions.clusterNames',
  'trust.clusterArns': 'EksPodIdentityTrustOptions.clusterArns',
  'trust.namespaces': 'EksPodIdentityTrustOptions.namespaces',
  'trust.serviceAccounts': 'EksPodIdentityTrustOptions.serviceAccounts',
  'trust.sessionTags': 'TrustRelationship.withSessionTags',
  'trust.sourceIdentity': 'TrustRelationship.withSourceIdentity',
  'trust.authenticated': 'CognitoIdentityPoolTrustOptions.authenticated',
  'trust.unauthenticated': 'CognitoIdentityPoolTrustOptions.unauthenticated',
  'trust.identityIds': 'CognitoIdentityPoolTrustOptions.identityIds',
  'trust.userIds': 'SocialIdentityTrustOptions.userIds (Trust.google, facebook, loginWithAmazon)',
  'trust.originalAudiences': 'GoogleTrustOptions.originalAudiences',
  // Catalog-only fields, each with what it stands for.
  'role.kind': 'the construct: ServiceRole, CrossAccountRole, IrsaRole, BoundedRole or AssumableRole',
  'role.acknowledgedChecks': 'RoleChecks.acknowledge',
};

/** Props a file cannot hold, each with the reason; the catalog has a field for what they carry where it can. */
const NOT_IN_CATALOG: Record<string, string> = {
  // Construct objects (iam.IManagedPolicy, iam.PolicyDocument): the catalog names managed policies
  // by ARN or name (managedPolicyArns, awsManagedPolicyNames) and writes inline policies as JSON (policies).
  'AssumableRoleOptions.managedPolicies': 'construct objects',
  'AssumableRoleOptions.inlinePolicies': 'construct objects',
};

/** Every exported interface of the role constructs' sources: its own props and what it extends. */
function propsInterfaces(): Map<string, { props: string[]; extends: string[] }> {
  const found = new Map<string, { props: string[]; extends: string[] }>();
  const dir = path.join(SRC, 'roles');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(dir, file), 'utf-8'), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        found.set(node.name.text, {
          props: node.members.filter(ts.isPropertySignature).map((m) => m.name.getText(source)),
          extends: (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(source))),
        });
      }
    });
  }
  return found;
}

/** The interfaces that are construct props: `<Construct>Props`, with everything they extend. */
function constructProps(): string[] {
  const interfaces = propsInterfaces();
  const names = new Set<string>();
  const visit = (name: string) => {
    if (names.has(name) || !interfaces.has(name)) return;
    names.add(name);
    interfaces.get(name)!.extends.forEach(visit);
  };
  [...interfaces.keys()].filter((n) => n.endsWith('RoleProps')).forEach(visit);
  return [...names].flatMap((name) => interfaces.get(name)!.props.map((p) => `${name}.${p}`)).sort();
}

/** The public static methods of `Trust`. */
function trustFactories(): string[] {
  const file = path.join(SRC, 'trust', 'trust.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf-8'), ts.ScriptTarget.Latest, true);
  const factories: string[] = [];
  source.forEachChild((node) => {
    if (ts.isClassDeclaration(node) && node.name?.text === 'Trust') {
      for (const member of node.members) {
        const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) ?? [] : [];
        if (ts.isMethodDeclaration(member) && modifiers.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
          && !modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword)) {
          factories.push(`Trust.${member.name.getText(source)}`);
        }
      }
    }
  });
  return factories.sort();
}

/** Every field of a role entry and of a trust entry in the catalog's schema. */
function catalogFields(): Field[] {
  const schema = roleCatalogSchema();
  return [
    ...Object.keys(schema.definitions.role.properties).map((f): Field => `role.${f}`),
    ...Object.keys(schema.definitions.trustEntry.properties).map((f): Field => `trust.${f}`),
  ].sort() as Field[];
}

describe('the catalog and the constructs describe the same things', () => {
  test('the sources are read: the props and factories known today are found', () => {
    expect(constructProps()).toEqual(expect.arrayContaining(['AssumableRoleOptions.roleName', 'ServiceRoleProps.services', 'IrsaRoleProps.issuers']));
    expect(trustFactories()).toEqual(expect.arrayContaining(['Trust.service', 'Trust.saml', 'Trust.fromPolicyJson']));
  });

  test('every construct prop has a catalog field (or a reason in NOT_IN_CATALOG)', () => {
    const missing = constructProps().filter((p) => !CATALOG_FIELDS[p] && !NOT_IN_CATALOG[p]);
    expect(missing.map((p) => `construct prop ${p} has no catalog field: add one (catalog-schema.ts) and map it in CATALOG_FIELDS, or explain in NOT_IN_CATALOG`)).toEqual([]);
  });

  test('every Trust factory has a catalog field', () => {
    const missing = trustFactories().filter((f) => !TRUST_FACTORY_FIELDS[f]);
    expect(missing.map((f) => `${f} has no catalog field: add a trust entry key or role field (catalog-schema.ts, catalog-roles.ts) and map it in TRUST_FACTORY_FIELDS`)).toEqual([]);
  });

  test('every catalog field stands for a prop, a factory or a method of a trust value', () => {
    const mapped = new Set<string>([...Object.values(CATALOG_FIELDS), ...Object.values(TRUST_FACTORY_FIELDS)].flat());
    const orphans = catalogFields().filter((f) => !mapped.has(f) && !TRUST_OPTION_FIELDS[f]);
    expect(orphans.map((f) => `catalog field ${f} maps to no construct prop, Trust factory or trust method: map it in this test, or remove it`)).toEqual([]);
  });

  test('the tables name only fields, props and factories that exist', () => {
    const fields = new Set(catalogFields());
    const props = new Set(constructProps());
    const factories = new Set(trustFactories());
    const stale = [
      ...Object.entries(CATALOG_FIELDS).flatMap(([p, fs_]) => [...(props.has(p) ? [] : [`prop ${p}`]), ...fs_.filter((f) => !fields.has(f)).map((f) => `field ${f} (of ${p})`)]),
      ...Object.entries(TRUST_FACTORY_FIELDS).flatMap(([t, fs_]) => [...(factories.has(t) ? [] : [`factory ${t}`]), ...fs_.filter((f) => !fields.has(f)).map((f) => `field ${f} (of ${t})`)]),
      ...Object.keys(TRUST_OPTION_FIELDS).filter((f) => !fields.has(f as Field)).map((f) => `field ${f}`),
      ...Object.keys(NOT_IN_CATALOG).filter((p) => !props.has(p)).map((p) => `prop ${p}`),
    ];
    expect(stale).toEqual([]);
  });
});
