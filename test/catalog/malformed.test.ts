import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RoleCatalog, RoleCatalogFormat, RoleCatalogProps } from '../../src/catalog/role-catalog';
import { newStack } from '../support/stacks';

/** YAML text from lines. */
function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** A role of kind assumable with one trust entry, written as a YAML flow map on line 5. */
function trustEntry(entry: string): RoleCatalogProps {
  return text(yaml('roles:', '  - name: app', '    kind: assumable', '    trust:', `      - ${entry}`));
}

/** A YAML document named as a file would be. */
function text(body: string): RoleCatalogProps {
  return { text: body, sourceName: 'roles.yaml' };
}

const FIXTURES = path.join(__dirname, 'fixtures');
/** The kinds of trust entry, in the schema's order, as the "exactly one of" message lists them. */
const TRUST_ENTRY_KINDS = [
  'service', 'account', 'roleArn', 'gitHubRepository', 'gitLabProject', 'hcpTerraformOrganization', 'eksPodIdentity', 'eksPodIdentityRoleArn',
  'oidcProviderArn', 'samlProviderArn', 'organization', 'cognitoIdentityPoolId', 'googleClientIds', 'facebookAppIds', 'loginWithAmazonAppIds',
].map((k) => JSON.stringify(k)).join(', ').replace(/, ([^,]*)$/, ' or $1');
const PLACEHOLDERS = '{partition}, {account}, {region}, {urlSuffix} (IAM policy variables are written ${...})';

/**
 * Each malformed document with every message it must produce, in order: the file (or
 * `<object>`), the line and column when the document is text, the JSON path and what was
 * expected.
 */
const MALFORMED: Array<[string, RoleCatalogProps, string[]]> = [
  ['a kind that does not exist', text(yaml('roles:', '  - name: app', '    kind: lamda', '    services: [lambda]')), [
    'roles.yaml:3:11: roles[0].kind: must be one of "service", "cross-account", "irsa", "bounded", "assumable" (found "lamda")',
  ]],
  ['a misspelt kind', { document: { roles: [{ name: 'app', kind: 'servce', services: ['lambda'] }] } }, [
    '<object>: roles[0].kind: must be one of "service", "cross-account", "irsa", "bounded", "assumable" (found "servce"); did you mean "service"?',
  ]],
  ['a role without name', text(yaml('roles:', '  - kind: service', '    services: [lambda]')), [
    'roles.yaml:2:5: roles[0]: missing "name": the IAM role name (1-64 letters, digits and +=,.@_-), unique in the catalog',
  ]],
  ['a misspelt field', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    descripton: the app')), [
    'roles.yaml:5:5: roles[0]: unknown field "descripton"; did you mean "description"?',
  ]],
  ['an unknown field with nothing close', { document: { roles: [{ name: 'app', kind: 'irsa', issuerUrls: ['https://oidc.example.com'], serviceAccounts: ['a:b'], color: 'red' }] } }, [
    '<object>: roles[0]: unknown field "color"; the fields of kind "irsa" are name, kind, description, path, maxSessionDurationSeconds, tags, '
      + 'managedPolicyArns, awsManagedPolicyNames, permissionsBoundaryArn, trustPolicy, removalPolicy, outputs, trustPolicySizeQuota, managedPoliciesQuota, policies, allowSelfAssume, podIdentityAssociations, acknowledgedChecks, oidcProviderArns, issuerUrls, serviceAccounts',
  ]],
  ['a field of another kind', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    externalIds: [abc-123]')), [
    'roles.yaml:5:5: roles[0]: field "externalIds" does not apply to a role of kind "service"; it is a field of kind "cross-account"',
  ]],
  ['a service role without services', text(yaml('roles:', '  - name: app', '    kind: service')), [
    'roles.yaml:2:5: roles[0]: missing "services" (required for a role of kind "service"): the AWS services that assume the role, e.g. [lambda] or [ec2.amazonaws.com]',
  ]],
  ['services as a single string', text(yaml('roles:', '  - name: app', '    kind: service', '    services: lambda')), [
    'roles.yaml:4:15: roles[0].services: must be a non-empty list of AWS service names, e.g. [lambda] (found "lambda"); write a single value as a list: [lambda]',
  ]],
  ['an account ID of 11 digits', text(yaml('roles:', '  - name: partner', '    kind: cross-account', '    trustedAccounts: [\'11112222333\']')), [
    'roles.yaml:4:23: roles[0].trustedAccounts[0]: must be a 12-digit AWS account ID as a string, or {account} for the stack\'s own account (found "11112222333")',
  ]],
  ['an unquoted account ID with a leading zero', text(yaml('roles:', '  - name: partner', '    kind: cross-account', '    trustedAccounts: [011112222333]')), [
    'roles.yaml:4:23: roles[0].trustedAccounts[0]: must be a 12-digit AWS account ID as a string, or {account} for the stack\'s own account (found the number 11112222333); '
      + 'quote it in YAML: \'011112222333\' (unquoted, YAML reads digits as a number and drops leading zeros)',
  ]],
  ['an account ID as a JSON number', { file: path.join(FIXTURES, 'bad-account.json'), sourceName: 'bad-account.json' }, [
    'bad-account.json:6:27: roles[0].trustedAccounts[0]: must be a 12-digit AWS account ID as a string, or {account} for the stack\'s own account (found "12345678901")',
  ]],
  ['an ExternalId that is too short', text(yaml('roles:', '  - name: partner', '    kind: cross-account', '    trustedAccounts: [\'111122223333\']', '    externalIds: [x]')), [
    'roles.yaml:5:19: roles[0].externalIds[0]: must be an ExternalId of 2-1,224 letters, digits and +=,.@:/-_ (sts:ExternalId) (found "x")',
  ]],
  ['a cross-account role that trusts no one', text(yaml('roles:', '  - name: partner', '    kind: cross-account', '    externalIds: [partner-1234]')), [
    'roles.yaml:2:5: roles[0]: a role of kind "cross-account" needs at least one of "trustedAccounts", "trustedRoleArns", "trustedUserArns"',
  ]],
  ['requireMfa false with an MFA age', text(yaml('roles:', '  - name: ops', '    kind: cross-account', '    trustedAccounts: [\'{account}\']', '    requireMfa: false', '    mfaMaxAgeSeconds: 900')), [
    'roles.yaml:5:17: roles[0].requireMfa: is false, but an MFA max age requires MFA (aws:MultiFactorAuthAge is absent from requests without MFA); '
      + 'set requireMfa to true or leave it out, or remove the max age',
  ]],
  ['an IRSA role without serviceAccounts', text(yaml('roles:', '  - name: pods', '    kind: irsa', '    issuerUrls: [https://oidc.eks.us-east-1.amazonaws.com/id/ABC]')), [
    'roles.yaml:2:5: roles[0]: missing "serviceAccounts" (required for a role of kind "irsa"): the service accounts that may assume the role, as namespace:name',
  ]],
  ['an IRSA role without cluster', text(yaml('roles:', '  - name: pods', '    kind: irsa', '    serviceAccounts: [default:app, app]')), [
    'roles.yaml:2:5: roles[0]: a role of kind "irsa" needs at least one of "oidcProviderArns", "issuerUrls"',
    'roles.yaml:4:36: roles[0].serviceAccounts[1]: must be a Kubernetes service account written "namespace:name" '
      + '(namespace: a lowercase DNS label of a-z, 0-9 and "-"; name: lowercase letters, digits, "-" and "."; * and ? as wildcards) (found "app")',
  ]],
  ['a namespace with a dot (Kubernetes namespaces are DNS labels)', text(yaml('roles:', '  - name: a', '    kind: irsa',
    '    issuerUrls: [\'https://oidc.eks.us-east-1.amazonaws.com/id/ABC\']', '    serviceAccounts: [\'team.a:api\']')), [
    'roles.yaml:5:23: roles[0].serviceAccounts[0]: must be a Kubernetes service account written "namespace:name" '
      + '(namespace: a lowercase DNS label of a-z, 0-9 and "-"; name: lowercase letters, digits, "-" and "."; * and ? as wildcards) (found "team.a:api")',
  ]],
  ['a placeholder in the issuer of an OIDC provider ARN', text(yaml('roles:', '  - name: pods', '    kind: irsa',
    '    oidcProviderArns: [\'arn:{partition}:iam::{account}:oidc-provider/oidc.eks.{region}.amazonaws.com/id/ABC\']', '    serviceAccounts: [default:app]')), [
    'roles.yaml:4:24: roles[0].oidcProviderArns[0]: must be an IAM OIDC provider ARN (arn:<partition>:iam::<account>:oidc-provider/<issuer>), with no placeholder in the issuer part '
      + '(found "arn:{partition}:iam::{account}:oidc-provider/oidc.eks.{region}.amazonaws.com/id/ABC")',
  ]],
  ['a bounded role without boundary', text(yaml('roles:', '  - name: team', '    kind: bounded', '    trust: [{service: lambda}]')), [
    'roles.yaml:2:5: roles[0]: missing "permissionsBoundaryArn" (required for a role of kind "bounded"): the permissions boundary: a managed policy ARN or ARN template',
  ]],
  ['trust entries with two kinds, none, or a foreign option', text(yaml('roles:', '  - name: team', '    kind: bounded',
    '    permissionsBoundaryArn: \'arn:aws:iam::111122223333:policy/b\'', '    trust:',
    '      - {account: \'111122223333\', service: lambda}', '      - {externalId: abc-123}', '      - {service: lambda, externalId: abc-123}')), [
    `roles.yaml:6:9: roles[0].trust[0]: must be a trust entry with exactly one of ${TRUST_ENTRY_KINDS} (found "account" and "service")`,
    `roles.yaml:7:9: roles[0].trust[1]: must be a trust entry with exactly one of ${TRUST_ENTRY_KINDS} (found none)`,
    'roles.yaml:8:27: roles[0].trust[2]: field "externalId" does not apply to a "service" trust entry; it goes with account or roleArn',
  ]],
  ['duplicate role names, compared case-insensitively', text(yaml('roles:',
    '  - {name: Deployer, kind: service, services: [codebuild]}',
    '  - {name: app, kind: service, services: [lambda]}',
    '  - {name: deployer, kind: service, services: [codepipeline]}')), [
    'roles.yaml:4:12: roles[2].name: duplicate role name "deployer": roles[0].name is "Deployer", and IAM compares role names case-insensitively; role names must be unique',
  ]],
  ['duplicate policy names', {
    document: {
      roles: [{
        name: 'app',
        kind: 'service',
        services: ['lambda'],
        policies: [
          { name: 'read', statements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
          { name: 'read', statements: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] },
        ],
      }],
    },
  }, [
    '<object>: roles[0].policies[1].name: duplicate policy name "read": roles[0].policies[0].name has it too; inline policy names must be unique per role',
  ]],
  ['a policy statement with a Principal', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    policies:', '      - name: read', '        statements:',
    '          - Effect: Allow', '            Principal: {AWS: \'*\'}', '            Action: s3:GetObject', '            Resource: \'*\'')), [
    'roles.yaml:8:13: roles[0].policies[0].statements[0]: field "Principal" is not allowed here: an identity policy names no principal (the principal is the role itself); Principal belongs in a trust policy',
  ]],
  ['a policy statement with a bad action', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    policies:', '      - name: read', '        statements:',
    '          - {Effect: Allow, Action: [s3:GetObject, s3], Resource: \'*\'}')), [
    'roles.yaml:8:52: roles[0].policies[0].statements[0].Action[1]: "s3" must be "*" or "service:Action" (e.g. "s3:GetObject"; * and ? are wildcards)',
  ]],
  ['an unknown placeholder in an ARN', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    managedPolicyArns: [\'arn:{partition}:iam::{acount}:policy/read\']')), [
    `roles.yaml:5:25: roles[0].managedPolicyArns[0]: unknown placeholder {acount}; the placeholders are ${PLACEHOLDERS} (found "arn:{partition}:iam::{acount}:policy/read")`,
  ]],
  ['an unknown placeholder in a policy statement', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    policies:', '      - name: read', '        statements:',
    '          - {Effect: Allow, Action: s3:GetObject, Resource: "arn:{Partition}:s3:::b/*"}')), [
    `roles.yaml:8:61: roles[0].policies[0].statements[0].Resource: unknown placeholder {Partition}; the placeholders are ${PLACEHOLDERS} (found "arn:{Partition}:s3:::b/*")`,
  ]],
  ['maxSessionDurationSeconds below one hour', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    maxSessionDurationSeconds: 900')), [
    'roles.yaml:5:32: roles[0].maxSessionDurationSeconds: must be a whole number of seconds from 3600 (1 hour) to 43200 (12 hours) (found the number 900)',
  ]],
  ['tags as a list', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    tags: [team=payments]')), [
    'roles.yaml:5:11: roles[0].tags: must be a map of tag names to string values, e.g. {team: payments}, with at most 50 tags (found a list)',
  ]],
  ['a reserved tag name and a number as tag value', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    tags: {"aws:team": a, cost-center: 4711}')), [
    'roles.yaml:5:12: roles[0].tags: tag name "aws:team" must be 1-128 letters, digits, spaces and _.:/=+-@, not starting with "aws:"',
    'roles.yaml:5:40: roles[0].tags["cost-center"]: must be a string of 0-256 letters, digits, spaces and _.:/=+-@ (found the number 4711); quote it in YAML: \'4711\'',
  ]],
  ['an instance profile for a role EC2 does not assume', text(yaml('roles:', '  - {name: agent, kind: service, services: [lambda], instanceProfile: true}')), [
    'roles.yaml:2:71: roles[0].instanceProfile: an instance profile is for EC2: add "ec2" to services, or remove instanceProfile',
  ]],
  ['roles as a map', text(yaml('roles:', '  app:', '    kind: service')), [
    'roles.yaml:2:3: roles: must be a list of role entries (found a map); write it as a list ("- ..." items in YAML)',
  ]],
  ['the role list at the top level', text(yaml('- name: app', '  kind: service')), [
    'roles.yaml:1:1: (top level): must be an object with a "roles" list (found a list); put the list under "roles:"',
  ]],
  ['"role" instead of "roles"', text(yaml('role:', '  - name: app')), [
    'roles.yaml:1:1: (top level): missing "roles": the roles to create; names are unique (case-insensitively, as IAM compares them)',
    'roles.yaml:1:1: (top level): unknown field "role"; did you mean "roles"?',
  ]],
  ['an unknown top-level field', text(yaml('settings: {kind: service}', 'roles: []')), [
    'roles.yaml:1:1: (top level): unknown field "settings"; the fields are version, defaults, roles (and x-... extension fields, e.g. for YAML anchors)',
  ]],
  ['a bad value that comes from a merge key', text(yaml('x-base: &base', '  kind: service', '  services: lambda', 'roles:', '  - <<: *base', '    name: app')), [
    'roles.yaml:5:5: roles[0].services: must be a non-empty list of AWS service names, e.g. [lambda] (found "lambda"); write a single value as a list: [lambda]',
  ]],
  ['an account ID as a number in JSON text', { text: '{"roles": [{"name": "p", "kind": "cross-account", "trustedAccounts": [111122223333]}]}', format: RoleCatalogFormat.JSON, sourceName: 'roles.json' }, [
    'roles.json:1:71: roles[0].trustedAccounts[0]: must be a 12-digit AWS account ID as a string, or {account} for the stack\'s own account (found the number 111122223333); write it as a string: "111122223333"',
  ]],
  ['a trust policy with a Resource', text(yaml('roles:', '  - name: app', '    kind: assumable', '    trustPolicy:', '      Version: "2012-10-17"', '      Statement:',
    '        - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole, Resource: "*"}')), [
    'roles.yaml:7:11: roles[0].trustPolicy.Statement[0]: field "Resource" is not allowed here: a trust policy has no Resource (the resource is the role itself); Resource belongs in an identity policy',
  ]],
  ['trust policy text that does not parse', text(yaml('roles:', '  - name: app', '    kind: assumable', '    trustPolicy: |', '      {"Version": "2012-10-17",', '       "Statement": [{"Effect": "Allow",}]}')), [
    'roles.yaml:4:18: roles[0].trustPolicy: policy JSON does not parse at line 2, column 35: expected a double-quoted property name (comments and trailing commas are not JSON)',
  ]],
  ['a trust policy that is a number', { document: { roles: [{ name: 'app', kind: 'assumable', trustPolicy: 42 }] } }, [
    '<object>: roles[0].trustPolicy: must be a trust policy: a map with "Statement" (and "Version"), or its JSON text (found the number 42)',
  ]],
  ['a trust policy with an unknown placeholder', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    trustPolicy:', '      Statement:',
    '        - {Effect: Allow, Principal: {AWS: "arn:{partition}:iam::{acount}:root"}, Action: sts:AssumeRole}')), [
    'roles.yaml:7:44: roles[0].trustPolicy.Statement[0].Principal.AWS: unknown placeholder {acount}; the placeholders are {partition}, {account}, {region}, {urlSuffix} (IAM policy variables are written ${...}) (found "arn:{partition}:iam::{acount}:root")',
  ]],
  ['a policy variable in a trust policy without Version', {
    document: {
      roles: [{
        name: 'app',
        kind: 'assumable',
        trustPolicy: {
          Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:RoleSessionName': '${aws:username}' } } }],
        },
      }],
    },
  }, [
    '<object>: roles[0].trustPolicy: the document\'s Version is absent (IAM reads 2008-10-17), under which ${...} is literal text, but the role\'s trust policy is written with Version 2012-10-17, where it is a policy variable: set "Version": "2012-10-17" if the variables are meant, or write the text without ${...}',
  ]],
  ['an assumable role without trust', text(yaml('roles:', '  - name: app', '    kind: assumable')), [
    'roles.yaml:2:5: roles[0]: a role of kind "assumable" needs at least one of "trust", "trustPolicy"',
  ]],
  ['a removal policy in the operator\'s words', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    removalPolicy: Retain')), [
    'roles.yaml:5:20: roles[0].removalPolicy: must be one of "destroy", "retain", "retain-on-update-or-delete" (found "Retain"); did you mean "retain"?',
  ]],
  ['session tags as a string in a trust entry', trustEntry('{account: \'111122223333\', sessionTags: "yes"}'), [
    'roles.yaml:5:48: roles[0].trust[0].sessionTags: must be true or false (found "yes")',
  ]],
  ['a role without kind and no defaults', text(yaml('roles:', '  - name: app', '    services: [lambda]')), [
    'roles.yaml:2:5: roles[0]: missing "kind": who assumes the role: service (AWS services), cross-account (accounts, roles, users), irsa (EKS service accounts), bounded (trust entries, required permissions boundary) or assumable (trust entries or a trustPolicy only)',
  ]],
  ['an unknown field in defaults', text(yaml('defaults:', '  kind: service', '  servics: [lambda]', 'roles:', '  - name: app')), [
    'roles.yaml:3:3: defaults: unknown field "servics"; did you mean "services"?',
    'roles.yaml:5:5: roles[0]: missing "services" (required for a role of kind "service"): the AWS services that assume the role, e.g. [lambda] or [ec2.amazonaws.com]',
  ]],
  ['a name in defaults', text(yaml('defaults:', '  name: app', '  kind: service', '  services: [lambda]', 'roles:', '  - name: app')), [
    'roles.yaml:2:3: defaults: unknown field "name"; the fields are kind, description, path, maxSessionDurationSeconds, tags, managedPolicyArns, awsManagedPolicyNames, permissionsBoundaryArn, trustPolicy, removalPolicy, outputs, trustPolicySizeQuota, managedPoliciesQuota, policies, allowSelfAssume, podIdentityAssociations, acknowledgedChecks, services, restrictToSourceAccount, sourceArns, instanceProfile, trustedAccounts, trustedRoleArns, trustedUserArns, externalIds, requireMfa, mfaMaxAgeSeconds, principalArnPatterns, organizationId, sessionTags, sourceIdentity, oidcProviderArns, issuerUrls, serviceAccounts, trust',
  ]],
  ['a bad value in defaults, inherited by two roles', text(yaml('defaults:', '  kind: cross-account', '  trustedAccounts: [\'12345\']', 'roles:', '  - name: a', '  - name: b')), [
    'roles.yaml:3:21: defaults.trustedAccounts[0]: must be a 12-digit AWS account ID as a string, or {account} for the stack\'s own account (found "12345")',
  ]],
  ['a defaults field of the wrong kind', text(yaml('defaults:', '  kind: service', '  services: [lambda]', '  externalIds: [abc-123]', 'roles:', '  - name: a')), [
    'roles.yaml:4:3: defaults: field "externalIds" does not apply to the default kind "service"; it is a field of kind "cross-account": set it on the roles of that kind',
  ]],
  ['a missing field that defaults do not give', text(yaml('defaults:', '  kind: cross-account', 'roles:', '  - name: a')), [
    'roles.yaml:4:5: roles[0]: a role of kind "cross-account" needs at least one of "trustedAccounts", "trustedRoleArns", "trustedUserArns"',
  ]],
  ['an OIDC trust entry without subjects', trustEntry('{oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/gitlab.com"}'), [
    'roles.yaml:5:9: roles[0].trust[0]: missing "subjects" (required for an "oidcProviderArn" trust entry): with oidcProviderArn: the sub claims that may assume the role; values with * or ? are matched with StringLike',
  ]],
  ['audiences on a service trust entry', trustEntry('{service: lambda, audiences: [x]}'), [
    'roles.yaml:5:27: roles[0].trust[0]: field "audiences" does not apply to a "service" trust entry; it goes with oidcProviderArn, samlProviderArn, gitHubRepository, gitLabProject or hcpTerraformOrganization',
  ]],
  // ---- CI identities ----
  ['a GitHub subject format that does not exist', trustEntry('{gitHubRepository: octo-org/app, subjectFormat: ids}'), [
    'roles.yaml:5:57: roles[0].trust[0].subjectFormat: must be "names" or "immutable" (found "ids")',
  ]],
  ['a GitHub repository ID that is a name', trustEntry('{gitHubRepository: octo-org/app, repositoryId: app}'), [
    'roles.yaml:5:56: roles[0].trust[0].repositoryId: must be a numeric ID (digits only, e.g. 123456) (found "app")',
  ]],
  ['a GitHub branch with a ":"', trustEntry('{gitHubRepository: octo-org/app, branches: ["main:environment:prod"]}'), [
    'roles.yaml:5:53: roles[0].trust[0].branches[0]: must be a Git branch or tag name: not empty, without whitespace or any of ~ ^ : [ \\ (git check-ref-format); '
      + '* and ? are wildcards (found "main:environment:prod")',
  ]],
  ['a GitHub option on a GitLab entry', trustEntry('{gitLabProject: group/app, environments: [prod]}'), [
    'roles.yaml:5:36: roles[0].trust[0]: field "environments" does not apply to a "gitLabProject" trust entry; it goes with gitHubRepository',
  ]],
  ['a GitLab project without its group', trustEntry('{gitLabProject: app}'), [
    'roles.yaml:5:25: roles[0].trust[0].gitLabProject: must be a GitLab project path written "group/project" (subgroups allowed: "group/subgroup/project"), '
      + 'without whitespace or ":"; * and ? are wildcards (found "app")',
  ]],
  ['a GitLab project ID on a self-managed instance (a rule of the construct, placed at the entry)',
    trustEntry('{gitLabProject: group/app, projectId: 42, instanceUrl: "https://gitlab.example.com"}'), [
      'roles.yaml:5:25: roles[0].trust[0].gitLabProject: the claim project_id is evaluated by AWS STS for the gitlab.com provider only, '
        + 'not for gitlab.example.com: GitLab Self-Managed and Dedicated instances are trusted by sub alone (found "group/app")',
    ]],
  ['an HCP Terraform organization with a ":"', trustEntry('{hcpTerraformOrganization: "acme:project:*"}'), [
    'roles.yaml:5:36: roles[0].trust[0].hcpTerraformOrganization: must be an HCP Terraform organization name: not empty, without whitespace or ":" (found "acme:project:*")',
  ]],
  ['an HCP Terraform run phase that does not exist', trustEntry('{hcpTerraformOrganization: acme, runPhases: [destroy]}'), [
    'roles.yaml:5:54: roles[0].trust[0].runPhases[0]: must be "plan" or "apply" (found "destroy")',
  ]],
  ['an HCP Terraform run phase twice', trustEntry('{hcpTerraformOrganization: acme, runPhases: [plan, plan]}'), [
    'roles.yaml:5:53: roles[0].trust[0].runPhases: must be a non-empty list of run phases (plan, apply) (found a list)',
  ]],
  ['eksPodIdentity false', trustEntry('{eksPodIdentity: false}'), [
    'roles.yaml:5:26: roles[0].trust[0].eksPodIdentity: must be true (found false)',
  ]],
  ['a Cognito identity pool given by name', trustEntry('{cognitoIdentityPoolId: my-identity-pool}'), [
    'roles.yaml:5:33: roles[0].trust[0].cognitoIdentityPoolId: must be written "<region>:<GUID>" in lowercase, e.g. "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" '
      + '(Cognito identity pool and identity IDs) (found "my-identity-pool")',
  ]],
  ['a Cognito trust entry for neither authenticated nor guest identities',
    trustEntry('{cognitoIdentityPoolId: "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", authenticated: false}'), [
      'roles.yaml:5:33: roles[0].trust[0].cognitoIdentityPoolId: Trust.cognitoIdentityPool lets in neither authenticated nor unauthenticated identities '
        + '(authenticated and unauthenticated are false): set one of them to true (found "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")',
    ]],
  ['userIds on a Cognito trust entry', trustEntry('{cognitoIdentityPoolId: "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", userIds: [u1]}'), [
    'roles.yaml:5:83: roles[0].trust[0]: field "userIds" does not apply to a "cognitoIdentityPoolId" trust entry; it goes with googleClientIds, facebookAppIds or loginWithAmazonAppIds',
  ]],
  ['Google client IDs as a single string', trustEntry('{googleClientIds: 1234.apps.googleusercontent.com}'), [
    'roles.yaml:5:27: roles[0].trust[0].googleClientIds: must be a non-empty list of Google client IDs (found "1234.apps.googleusercontent.com"); '
      + 'write a single value as a list: [1234.apps.googleusercontent.com]',
  ]],
  ['Facebook app IDs that are an empty list (no audience)', trustEntry('{facebookAppIds: []}'), [
    'roles.yaml:5:26: roles[0].trust[0].facebookAppIds: must be a non-empty list of Facebook app IDs (found an empty list)',
  ]],
  ['a Login with Amazon app ID with a wildcard', trustEntry('{loginWithAmazonAppIds: ["amzn1.application-oa2-client.*"]}'), [
    'roles.yaml:5:34: roles[0].trust[0].loginWithAmazonAppIds[0]: must be a non-empty ID without whitespace or the wildcards * and ? (it is compared exactly) '
      + '(found "amzn1.application-oa2-client.*")',
  ]],
  ['originalAudiences on a Facebook trust entry', trustEntry('{facebookAppIds: ["111"], originalAudiences: [sts.amazonaws.com]}'), [
    'roles.yaml:5:35: roles[0].trust[0]: field "originalAudiences" does not apply to a "facebookAppIds" trust entry; it goes with googleClientIds',
  ]],
  ['eksPodIdentity with an upper-case namespace', trustEntry('{eksPodIdentity: true, namespaces: [Payments]}'), [
    'roles.yaml:5:45: roles[0].trust[0].namespaces[0]: must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards) (found "Payments")',
  ]],
  ['eksPodIdentity with a service account written namespace:name', trustEntry('{eksPodIdentity: true, serviceAccounts: ["payments:api"]}'), [
    'roles.yaml:5:50: roles[0].trust[0].serviceAccounts[0]: must be a lowercase DNS name of at most 253 characters (a-z, 0-9, "-", "."; "*" and "?" as wildcards) (found "payments:api")',
  ]],
  ['eksPodIdentity with an empty list of clusters', trustEntry('{eksPodIdentity: true, clusterNames: []}'), [
    'roles.yaml:5:46: roles[0].trust[0].clusterNames: must be a non-empty list of EKS cluster names (found an empty list)',
  ]],
  ['cluster ARNs on a service trust entry', trustEntry('{service: lambda, clusterArns: ["arn:aws:eks:us-east-1:123456789012:cluster/prod"]}'), [
    'roles.yaml:5:27: roles[0].trust[0]: field "clusterArns" does not apply to a "service" trust entry; it goes with eksPodIdentity or eksPodIdentityRoleArn',
  ]],
  ['eksPodIdentityRoleArn with a user ARN', trustEntry('{eksPodIdentityRoleArn: "arn:aws:iam::123456789012:user/ci"}'), [
    'roles.yaml:5:33: roles[0].trust[0].eksPodIdentityRoleArn: must be an IAM role ARN (arn:<partition>:iam::<account>:role/<name>) (found "arn:aws:iam::123456789012:user/ci")',
  ]],
  ['an association with a namespace pattern and no service account', text(yaml('roles:', '  - name: app', '    kind: assumable', '    trust: [{eksPodIdentity: true}]',
    '    podIdentityAssociations:', '      - {clusterName: prod, namespace: "team-*"}')), [
    'roles.yaml:6:9: roles[0].podIdentityAssociations[0]: missing "serviceAccount": the name of the Kubernetes service account',
    'roles.yaml:6:40: roles[0].podIdentityAssociations[0].namespace: must be a Kubernetes namespace: a lowercase DNS label of at most 63 characters (a-z, 0-9 and "-", starting and ending with a letter or digit) (found "team-*")',
  ]],
  ['an association with a misspelt field', text(yaml('roles:', '  - name: app', '    kind: assumable', '    trust: [{eksPodIdentity: true}]',
    '    podIdentityAssociations:', '      - {clusterName: prod, namespace: payments, serviceAccount: api, targetRole: x}')), [
    'roles.yaml:6:71: roles[0].podIdentityAssociations[0]: unknown field "targetRole"; the fields are clusterName, namespace, serviceAccount, targetRoleArn, disableSessionTags',
  ]],
  ['a SAML trust entry with an OIDC provider ARN', trustEntry('{samlProviderArn: "arn:aws:iam::123456789012:oidc-provider/x"}'), [
    'roles.yaml:5:27: roles[0].trust[0].samlProviderArn: must be an IAM SAML provider ARN (arn:<partition>:iam::<account>:saml-provider/<name>) (found "arn:aws:iam::123456789012:oidc-provider/x")',
  ]],
  ['a trust policy quota above the maximum', { document: { roles: [{ name: 'app', kind: 'service', services: ['lambda'], trustPolicySizeQuota: 8192 }] } }, [
    '<object>: roles[0].trustPolicySizeQuota: must be a whole number of characters from 2048 to 4096 (found the number 8192)',
  ]],
  ['an unsupported version', text(yaml('version: 2', 'roles: []')), [
    'roles.yaml:1:10: version: must be 1 (found the number 2)',
  ]],
  ['a role entry that is a string', { document: { roles: ['app'] } }, [
    '<object>: roles[0]: must be a role entry (an object with "name", "kind" and the fields of that kind) (found "app")',
  ]],
  ['a YAML syntax error', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda', '  - name: other')), [
    'roles.yaml:5:3: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ]],
  ['a YAML syntax error in a file', { file: path.join(FIXTURES, 'bad-syntax.yaml'), sourceName: 'bad-syntax.yaml' }, [
    'bad-syntax.yaml:5:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ]],
  ['a duplicate YAML key', text(yaml('roles:', '  - name: app', '    kind: service', '    name: app2')), [
    'roles.yaml:4:5: YAML syntax error: Map keys must be unique',
  ]],
  ['a JSON syntax error', { text: '{"roles": [\n  {"name": "a", "kind": "service",}\n]}', format: RoleCatalogFormat.JSON, sourceName: 'roles.json' }, [
    'roles.json:2:35: JSON syntax error: expected a double-quoted property name (comments and trailing commas are not JSON; use a .yaml file for those)',
  ]],
  // Errors Node's JSON.parse does not place ("Unexpected token ... is not valid JSON"): located all the same.
  ['a JSON value missing', { text: '{"roles": [\n  {"name": }\n]}', format: RoleCatalogFormat.JSON, sourceName: 'roles.json' }, [
    'roles.json:2:12: JSON syntax error: expected a value (comments and trailing commas are not JSON; use a .yaml file for those)',
  ]],
  ['a misspelled JSON literal', { text: '{"roles": tru}', format: RoleCatalogFormat.JSON, sourceName: 'roles.json' }, [
    'roles.json:1:11: JSON syntax error: unexpected character (comments and trailing commas are not JSON; use a .yaml file for those)',
  ]],
  ['a comment in JSON', { text: '// roles\n{"roles": []}', format: RoleCatalogFormat.JSON, sourceName: 'roles.json' }, [
    'roles.json:1:1: JSON syntax error: a comment (comments and trailing commas are not JSON; use a .yaml file for those)',
  ]],
  ['an unterminated JSON string', { text: '{"roles": ["a]}', format: RoleCatalogFormat.JSON, sourceName: 'roles.json' }, [
    'roles.json:1:12: JSON syntax error: an unterminated string (comments and trailing commas are not JSON; use a .yaml file for those)',
  ]],
  ['an empty document', text(''), [
    'roles.yaml: the document is empty; expected an object with a "roles" list, e.g. "roles: [{name: app, kind: service, services: [lambda]}]"',
  ]],
  ['a document of comments only', text('# roles: to do\n'), [
    'roles.yaml: the document is empty; expected an object with a "roles" list, e.g. "roles: [{name: app, kind: service, services: [lambda]}]"',
  ]],
  ['a null object', { document: null }, [
    '<object>: the document is empty; expected an object with a "roles" list, e.g. "roles: [{name: app, kind: service, services: [lambda]}]"',
  ]],
  // ---- organization trust entries ----
  ['an organization ID in upper case', trustEntry('{organization: o-A1B2C3D4E5}'), [
    'roles.yaml:5:24: roles[0].trust[0].organization: must be an AWS Organizations ID such as "o-a1b2c3d4e5" (o- and 10-32 lowercase letters or digits) (found "o-A1B2C3D4E5")',
  ]],
  ['organizational units without the organization', trustEntry('{organizationalUnits: [ou-ab12-11111111]}'), [
    `roles.yaml:5:9: roles[0].trust[0]: must be a trust entry with exactly one of ${TRUST_ENTRY_KINDS} (found none)`,
  ]],
  ['the root among organizational units', trustEntry('{organization: o-a1b2c3d4e5, organizationalUnits: [r-ab12]}'), [
    'roles.yaml:5:60: roles[0].trust[0].organizationalUnits[0]: must be an organizational unit ID such as "ou-ab12-cd34ef56" (ou-, 4-32 lowercase letters or digits, -, 8-32 lowercase letters or digits) (found "r-ab12")',
  ]],
  ['principal ARN patterns on an account trust entry', trustEntry('{account: \'111122223333\', principalArnPatterns: ["arn:aws:iam::111122223333:role/ci"]}'), [
    'roles.yaml:5:35: roles[0].trust[0]: field "principalArnPatterns" does not apply to a "account" trust entry; it goes with organization',
  ]],
  ['organizational units of two roots', trustEntry('{organization: o-a1b2c3d4e5, organizationalUnits: [ou-ab12-11111111, ou-cd34-22222222]}'), [
    'roles.yaml:5:59: roles[0].trust[0].organizationalUnits: organizational units "ou-ab12-11111111", "ou-cd34-22222222" are under different roots (ou-<root>-...), '
      + 'but an organization has one root: they cannot all be units of one organization',
  ]],
  // ---- allowSelfAssume ----
  ['allowSelfAssume with a path aws:PrincipalArn would read as a pattern', text(yaml('roles:', '  - name: app', '    kind: service', '    services: [lambda]', '    path: /ops*/', '    allowSelfAssume: true')), [
    'roles.yaml:5:11: roles[0].path: a self-assuming role (allowSelfAssume) is named in its own trust policy by aws:PrincipalArn, where *, ? are wildcards '
      + 'and ${...} a policy variable: use a path without *, ?, $, { and } (found "/ops*/")',
  ]],
];

/** Stack with one role of its own, to show the failed catalog adds nothing and removes nothing. */
function stackWithOneRole(): Stack {
  const stack = newStack();
  RoleCatalog.fromObject(stack, 'Existing', { roles: [{ name: 'existing', kind: 'service', services: ['lambda'] }] });
  return stack;
}

describe('malformed role catalogs', () => {
  test.each(MALFORMED)('%s: validate() lists exactly the expected problems', (_label, props, expected) => {
    expect(RoleCatalog.validate(props)).toEqual(expected);
  });

  test.each(MALFORMED)('%s: the constructor throws all problems and creates nothing', (_label, props, expected) => {
    const stack = stackWithOneRole();
    let error: Error | undefined;
    try {
      new RoleCatalog(stack, 'Catalog', props);
    } catch (e) {
      error = e as Error;
    }
    const name = props.sourceName ?? '<object>';
    expect(error?.message).toBe(
      `Stack/Catalog: invalid role catalog ${name} (${expected.length} ${expected.length === 1 ? 'problem' : 'problems'}); no role was created:\n${expected.map((p) => `  ${p}`).join('\n')}`);
    expect(stack.node.tryFindChild('Catalog')).toBeUndefined();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'existing' });
  });

  test('every problem of a document is reported at once, in document order', () => {
    const problems = RoleCatalog.validate(text(yaml(
      'roles:',
      '  - name: app',
      '    kind: servce',
      '  - name: partner',
      '    kind: cross-account',
      '    trustedAccounts: [\'12345\']',
      '    maxSessionDurationSeconds: 50000',
      '  - name: APP',
      '    kind: service',
      '    services: [lambda]',
    )));
    expect(problems).toEqual([
      'roles.yaml:3:11: roles[0].kind: must be one of "service", "cross-account", "irsa", "bounded", "assumable" (found "servce"); did you mean "service"?',
      'roles.yaml:6:23: roles[1].trustedAccounts[0]: must be a 12-digit AWS account ID as a string, or {account} for the stack\'s own account (found "12345")',
      'roles.yaml:7:32: roles[1].maxSessionDurationSeconds: must be a whole number of seconds from 3600 (1 hour) to 43200 (12 hours) (found the number 50000)',
      'roles.yaml:8:11: roles[2].name: duplicate role name "APP": roles[0].name is "app", and IAM compares role names case-insensitively; role names must be unique',
    ]);
  });
});
