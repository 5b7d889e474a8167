import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as YAML from 'yaml';
import { AssumableRole, BoundedRole, CrossAccountRole, IrsaRole, ServiceRole } from '../../src';
import { RoleCatalog, RoleCatalogFormat } from '../../src/catalog/role-catalog';
import { newStack } from '../support/stacks';

const FIXTURES = path.join(__dirname, 'fixtures');
const ALL_KINDS_YAML = path.join(FIXTURES, 'all-kinds.yaml');
const ALL_KINDS_JSON = path.join(FIXTURES, 'all-kinds.json');
const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'catalog', 'roles.yaml');

const PARTITION = { Ref: 'AWS::Partition' };
const ACCOUNT_ID = { Ref: 'AWS::AccountId' };
const REGION = { Ref: 'AWS::Region' };

function join(...parts: unknown[]): unknown {
  return { 'Fn::Join': ['', parts] };
}

function yamlText(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Asserts the exact trust policy of the role with this name. */
function expectTrust(stack: Stack, roleName: string, statements: unknown[]): void {
  Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
    RoleName: roleName,
    AssumeRolePolicyDocument: Match.exact({ Version: '2012-10-17', Statement: statements }),
  });
}

const SERVICE_TRUST = [{
  Effect: 'Allow',
  Principal: { Service: 'lambda.amazonaws.com' },
  Action: 'sts:AssumeRole',
  Condition: {
    StringEquals: { 'aws:SourceAccount': ACCOUNT_ID },
    ArnLike: { 'aws:SourceArn': join('arn:', PARTITION, ':events:', REGION, ':', ACCOUNT_ID, ':rule/nightly') },
  },
}];

const CROSS_ACCOUNT_TRUST = [{
  Effect: 'Allow',
  Principal: { AWS: [join('arn:', PARTITION, ':iam::111122223333:root'), join('arn:', PARTITION, ':iam::444455556666:role/ci')] },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': 'partner-7d1f' } },
}];

function irsaStatements(providerArn: unknown, issuer: string): unknown[] {
  return [
    {
      Effect: 'Allow',
      Principal: { Federated: providerArn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: 'system:serviceaccount:kube-system:external-dns' } },
    },
    {
      Effect: 'Allow',
      Principal: { Federated: providerArn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${issuer}:sub`]: 'system:serviceaccount:dns-*:sync' } },
    },
  ];
}

const IRSA_TRUST = [
  ...irsaStatements(join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/AAAA'), 'oidc.eks.us-east-1.amazonaws.com/id/AAAA'),
  ...irsaStatements(join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/BBBB'), 'oidc.eks.eu-west-1.amazonaws.com/id/BBBB'),
];

const BOUNDED_TRUST = [
  { Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' },
  {
    Effect: 'Allow',
    Principal: { AWS: join('arn:', PARTITION, ':iam::777788889999:root') },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'deploy-1234' } },
  },
  {
    Effect: 'Allow',
    Principal: { AWS: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':role/ci-runner') },
    Action: 'sts:AssumeRole',
    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  },
  {
    Effect: 'Allow',
    Principal: { Federated: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':oidc-provider/token.actions.githubusercontent.com') },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main',
      },
    },
  },
];

/** The same catalog loaded four ways. */
const LOADERS: Array<[string, (stack: Stack) => RoleCatalog]> = [
  ['a YAML file', (stack) => RoleCatalog.fromFile(stack, 'Roles', ALL_KINDS_YAML)],
  ['a JSON file', (stack) => RoleCatalog.fromFile(stack, 'Roles', ALL_KINDS_JSON)],
  ['YAML text', (stack) => RoleCatalog.fromYaml(stack, 'Roles', fs.readFileSync(ALL_KINDS_YAML, 'utf-8'))],
  ['an object', (stack) => RoleCatalog.fromObject(stack, 'Roles', JSON.parse(fs.readFileSync(ALL_KINDS_JSON, 'utf-8')))],
];

describe.each(LOADERS)('RoleCatalog from %s', (_label, load) => {
  test('creates one AWS::IAM::Role per entry, named as in the document', () => {
    const stack = newStack();
    const catalog = load(stack);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 4);
    expect(catalog.roleNames).toEqual(['fn-worker', 'partner-read', 'external-dns', 'team-deployer']);
    for (const name of catalog.roleNames) {
      template.hasResourceProperties('AWS::IAM::Role', { RoleName: name });
    }
  });

  test('service: services with aws:SourceAccount and an ArnLike aws:SourceArn, rendered from {partition}/{region}/{account}', () => {
    const stack = newStack();
    load(stack);
    expectTrust(stack, 'fn-worker', SERVICE_TRUST);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'fn-worker',
      Description: 'Lambda worker',
      ManagedPolicyArns: [join('arn:', PARTITION, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')],
      Tags: [{ Key: 'team', Value: 'data' }],
    });
  });

  test('cross-account: accounts and roles with the ExternalId, in one statement', () => {
    const stack = newStack();
    load(stack);
    expectTrust(stack, 'partner-read', CROSS_ACCOUNT_TRUST);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'partner-read',
      MaxSessionDuration: 7200,
      ManagedPolicyArns: [join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/read-reports')],
    });
  });

  test('irsa: one pair of statements per provider, exact subjects with StringEquals and patterns with StringLike', () => {
    const stack = newStack();
    load(stack);
    expectTrust(stack, 'external-dns', IRSA_TRUST);
  });

  test('bounded: every trust entry, the boundary, the path and the inline policy with placeholders rendered', () => {
    const stack = newStack();
    load(stack);
    expectTrust(stack, 'team-deployer', BOUNDED_TRUST);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'team-deployer',
      Path: '/teams/',
      PermissionsBoundary: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/team-boundary'),
      Policies: [{
        PolicyName: 'deploy',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{
            Effect: 'Allow',
            Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack'],
            Resource: join('arn:', PARTITION, ':cloudformation:', REGION, ':', ACCOUNT_ID, ':stack/team-*/*'),
          }],
        },
      }],
    });
  });

  test('each role is the construct class of its kind', () => {
    const catalog = load(newStack());
    expect(catalog.role('fn-worker')).toBeInstanceOf(ServiceRole);
    expect(catalog.role('partner-read')).toBeInstanceOf(CrossAccountRole);
    expect(catalog.role('external-dns')).toBeInstanceOf(IrsaRole);
    expect(catalog.role('team-deployer')).toBeInstanceOf(BoundedRole);
  });
});

describe('RoleCatalog', () => {
  test('YAML and JSON files of the same document synthesize the same template', () => {
    const fromYaml = newStack();
    RoleCatalog.fromFile(fromYaml, 'Roles', ALL_KINDS_YAML);
    const fromJson = newStack();
    RoleCatalog.fromFile(fromJson, 'Roles', ALL_KINDS_JSON);
    expect(Template.fromStack(fromJson).toJSON()).toEqual(Template.fromStack(fromYaml).toJSON());
  });

  test('JSON text and the props form work too', () => {
    const text = fs.readFileSync(ALL_KINDS_JSON, 'utf-8');
    const a = newStack();
    RoleCatalog.fromJson(a, 'Roles', text);
    const b = newStack();
    new RoleCatalog(b, 'Roles', { text, format: RoleCatalogFormat.JSON });
    const c = newStack();
    new RoleCatalog(c, 'Roles', { file: ALL_KINDS_YAML });
    expect(Template.fromStack(a).toJSON()).toEqual(Template.fromStack(b).toJSON());
    expect(Template.fromStack(a).toJSON()).toEqual(Template.fromStack(c).toJSON());
  });

  test('roles are children of the catalog, with the role name as construct ID', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromFile(stack, 'Roles', ALL_KINDS_YAML);
    expect(catalog.roles.map((r) => r.node.path)).toEqual([
      'Stack/Roles/fn-worker', 'Stack/Roles/partner-read', 'Stack/Roles/external-dns', 'Stack/Roles/team-deployer',
    ]);
    expect(catalog.roles.every((r) => r instanceof AssumableRole)).toBe(true);
  });

  test('reordering the document keeps every logical ID (no role is replaced)', () => {
    const document = YAML.parse(fs.readFileSync(ALL_KINDS_YAML, 'utf-8'));
    const a = newStack();
    RoleCatalog.fromObject(a, 'Roles', document);
    const b = newStack();
    RoleCatalog.fromObject(b, 'Roles', { ...document, roles: [...document.roles].reverse() });
    const ids = (stack: Stack) => Object.keys(Template.fromStack(stack).findResources('AWS::IAM::Role')).sort();
    expect(ids(b)).toEqual(ids(a));
  });

  test('role(name) matches as IAM does (case-insensitively) and lists the known names when missing', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromFile(stack, 'Roles', ALL_KINDS_YAML);
    expect(catalog.role('fn-worker').roleName).toBe(catalog.roles[0].roleName);
    expect(catalog.role('FN-Worker')).toBe(catalog.roles[0]);
    expect(() => catalog.role('fn-wroker')).toThrow(
      `Stack/Roles: no role named "fn-wroker" in the role catalog ${ALL_KINDS_YAML}; its roles are "fn-worker", "partner-read", "external-dns", "team-deployer"`);
  });

  test('the roles are usable as iam.IRole', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromFile(stack, 'Roles', ALL_KINDS_YAML);
    const bucket = new s3.Bucket(stack, 'Bucket');
    bucket.grantRead(catalog.role('fn-worker'));
    const grantee = new iam.Role(stack, 'Deployer', { assumedBy: new iam.AccountRootPrincipal() });
    catalog.role('fn-worker').grantPassRole(grantee);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 2);
  });

  test('an empty role list is a valid catalog with no roles', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', 'version: 1\nroles: []\n');
    expect(catalog.roleNames).toEqual([]);
    expect(() => catalog.role('x')).toThrow('Stack/Roles: no role named "x" in the role catalog <text>; it has no roles');
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 0);
  });

  test('YAML anchors, aliases and merge keys share settings; x- keys at the top level hold them', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', yamlText(
      '\uFEFFversion: 1',
      'x-lambda: &lambda',
      '  kind: service',
      '  services: [lambda]',
      '  tags: {team: data}',
      'roles:',
      '  - <<: *lambda',
      '    name: ingest',
      '  - <<: *lambda',
      '    name: export',
      '    tags: {team: export}',
    ));
    expect(catalog.roleNames).toEqual(['ingest', 'export']);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'ingest', Tags: [{ Key: 'team', Value: 'data' }] });
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'export', Tags: [{ Key: 'team', Value: 'export' }] });
    expectTrust(stack, 'export', [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
  });

  test('instanceProfile creates the EC2 instance profile of a service role', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', 'roles:\n  - {name: agent, kind: service, services: [ec2], instanceProfile: true, path: /build/}\n');
    expect((catalog.role('agent') as ServiceRole).instanceProfile).toBeDefined();
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::InstanceProfile', { Path: '/build/' });
  });

  test('cross-account MFA, principal ARN patterns, organization and session options', () => {
    const stack = newStack();
    RoleCatalog.fromYaml(stack, 'Roles', [
      'roles:',
      '  - name: ops',
      '    kind: cross-account',
      '    trustedUserArns: ["arn:{partition}:iam::111122223333:user/alice"]',
      '    mfaMaxAgeSeconds: 900',
      '    principalArnPatterns: ["arn:{partition}:iam::111122223333:user/*"]',
      '    organizationId: o-a1b2c3d4e5',
      '    sessionTags: true',
      '    sourceIdentity: true',
    ].join('\n'));
    expectTrust(stack, 'ops', [{
      Effect: 'Allow',
      Principal: { AWS: join('arn:', PARTITION, ':iam::111122223333:user/alice') },
      Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Condition: {
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '900' },
        ArnLike: { 'aws:PrincipalArn': join('arn:', PARTITION, ':iam::111122223333:user/*') },
        StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
      },
    }]);
  });

  test('a permissions boundary on a non-bounded kind, and a trust entry with restrictToSourceAccount', () => {
    const stack = newStack();
    RoleCatalog.fromObject(stack, 'Roles', {
      roles: [
        { name: 'fn', kind: 'service', services: ['lambda'], permissionsBoundaryArn: 'arn:{partition}:iam::{account}:policy/b' },
        { name: 'sched', kind: 'bounded', trust: [{ service: 'scheduler', restrictToSourceAccount: true }], permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/b' },
      ],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'fn',
      PermissionsBoundary: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/b'),
    });
    expectTrust(stack, 'sched', [{
      Effect: 'Allow',
      Principal: { Service: 'scheduler.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT_ID } },
    }]);
  });

  test('documents built in code may hold tokens, e.g. a bucket ARN', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket');
    RoleCatalog.fromObject(stack, 'Roles', {
      roles: [{
        name: 'reader',
        kind: 'service',
        services: ['lambda'],
        sourceArns: [bucket.bucketArn],
        policies: [{ name: 'read', statements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: bucket.arnForObjects('*') }] }],
      }],
    });
    const bucketArn = { 'Fn::GetAtt': [stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket), 'Arn'] };
    expectTrust(stack, 'reader', [{
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { ArnLike: { 'aws:SourceArn': bucketArn } },
    }]);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      Policies: [{ PolicyName: 'read', PolicyDocument: { Statement: [{ Resource: join(bucketArn, '/*') }] } }],
    });
  });

  test('later changes to the caller\'s object do not reach the roles', () => {
    const stack = newStack();
    const document = { roles: [{ name: 'fn', kind: 'service', services: ['lambda'] }] };
    RoleCatalog.fromObject(stack, 'Roles', document);
    document.roles[0].services.push('states');
    expectTrust(stack, 'fn', [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
  });

  test('acknowledgedChecks acknowledges a check finding for that role only', () => {
    const stack = newStack();
    RoleCatalog.fromYaml(stack, 'Roles', [
      'roles:',
      '  - {name: admin, kind: cross-account, trustedAccounts: ["{account}"], awsManagedPolicyNames: [AdministratorAccess],',
      '     acknowledgedChecks: {PolicyAllowsEverything: break-glass role}}',
      '  - {name: admin2, kind: cross-account, trustedAccounts: ["{account}"], awsManagedPolicyNames: [AdministratorAccess]}',
    ].join('\n'));
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('PolicyAllowsEverything'));
    expect(warnings.map((w) => w.id)).toEqual(['/Stack/Roles/admin2']);
    expect(stack.node.findChild('Roles').node.findChild('admin').node.metadata)
      .toEqual(expect.arrayContaining([expect.objectContaining({ data: { id: 'cdk-assumable-roles:PolicyAllowsEverything', reason: 'break-glass role' } })]));
  });

  test('the example catalog is valid and creates its roles without findings', () => {
    expect(RoleCatalog.validate({ file: EXAMPLE })).toEqual([]);
    const stack = newStack();
    const catalog = RoleCatalog.fromFile(stack, 'PlatformRoles', EXAMPLE);
    expect(catalog.roleNames.length).toBeGreaterThanOrEqual(6);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', catalog.roleNames.length);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  test('validate() lists problems without creating anything', () => {
    expect(RoleCatalog.validate({ file: ALL_KINDS_YAML })).toEqual([]);
    expect(RoleCatalog.validate({ document: { roles: [{ name: 'x', kind: 'service' }] } })).toEqual([
      '<object>: roles[0]: missing "services" (required for a role of kind "service"): the AWS services that assume the role, e.g. [lambda] or [ec2.amazonaws.com]',
    ]);
    expect(RoleCatalog.validate({ file: path.join(FIXTURES, 'missing.yaml') })).toEqual([
      expect.stringMatching(/missing\.yaml: cannot read the role catalog: ENOENT/),
    ]);
  });

  test('sourceName names in-memory documents in messages', () => {
    expect(() => RoleCatalog.fromYaml(newStack(), 'Roles', 'roles: 1', { sourceName: 's3://acme-config/roles.yaml' }))
      .toThrow('s3://acme-config/roles.yaml:1:8: roles: must be a list of role entries (found the number 1)');
  });

  test('jsonSchema() returns a fresh copy of the schema', () => {
    const schema = RoleCatalog.jsonSchema();
    expect(schema.title).toBe('cdk-assumable-roles role catalog');
    schema.title = 'changed';
    expect(RoleCatalog.jsonSchema().title).toBe('cdk-assumable-roles role catalog');
    expect(fs.existsSync(RoleCatalog.schemaFilePath())).toBe(true);
  });

  test.each([
    [{}, 'none is given'],
    [{ file: ALL_KINDS_YAML, document: {} }, 'document and file are given'],
  ])('the props need exactly one source (%j)', (props, detail) => {
    expect(() => new RoleCatalog(newStack(), 'Roles', props)).toThrow(`Stack/Roles: give the catalog in exactly one of "document", "file" or "text" (${detail})`);
  });

  test('file errors name the file', () => {
    expect(() => RoleCatalog.fromFile(newStack(), 'Roles', path.join(FIXTURES, 'roles.txt')))
      .toThrow(/fixtures\/roles\.txt: a role catalog file must end in \.yaml, \.yml or \.json/);
    expect(() => RoleCatalog.fromFile(newStack(), 'Roles', 'no/such/roles.yaml'))
      .toThrow(/^Stack\/Roles: no\/such\/roles\.yaml: cannot read the role catalog: ENOENT/);
  });
});
