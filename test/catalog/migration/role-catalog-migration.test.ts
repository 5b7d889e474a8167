import * as fs from 'fs';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import * as YAML from 'yaml';
import { AwsPrincipalTrust, PolicyJsonTrust, RoleCatalog, RoleCatalogMigration, ServiceTrust, WebIdentityTrust } from '../../../src';
import { newStack } from '../../support/stacks';
import { yaml } from '../catalog-text';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'migration');
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf-8');
const NODES = { kind: 'cross-account', trustedRoleArns: ['arn:{partition}:iam::{account}:role/k8s-nodes'] };


describe('RoleCatalogMigration.fromOperatorManifests', () => {
  const catalogText = RoleCatalogMigration.fromOperatorManifests(read('operator-roles.yaml'), { sourceName: 'operator-roles.yaml' });

  test('writes a catalog that validates, with what it left to the stack as notes', () => {
    expect(RoleCatalog.validate({ text: catalogText, sourceName: 'roles.yaml' })).toEqual([]);
    expect(catalogText.split('\n').filter((l) => l.startsWith('# Note: '))).toEqual([
      '# Note: operator-roles.yaml:2:1: skipped AWSProvider prod (aws-infra-operator.runner.codes/v1alpha1): not an IAMRole of aws-infra-operator.runner.codes/v1alpha1',
      '# Note: operator-roles.yaml:14:3: spec.providerRef is not carried over: the stack\'s account and region decide where the role is created',
      '# Note: operator-roles.yaml:42:3: spec.providerRef is not carried over: the stack\'s account and region decide where the role is created',
    ]);
    // The policy version stays a string for YAML 1.1 readers too.
    expect(catalogText).toContain('Version: "2012-10-17"');
  });

  test('maps every IAMRole field to its catalog field', () => {
    const roles = YAML.parse(catalogText).roles;
    expect(roles.map((r: any) => [r.name, r.kind, r.removalPolicy])).toEqual([
      ['batch-worker-role', 'assumable', 'destroy'],
      ['partner-auditor', 'assumable', 'retain'],
      ['reports-pods', 'assumable', undefined],
    ]);
    expect(roles[0]).toMatchObject({
      description: 'Batch workers on EC2',
      path: '/workers/',
      maxSessionDurationSeconds: 7200,
      managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'],
      tags: { team: 'batch' },
      // A single statement object becomes a list, as the catalog's policies need.
      policies: [{ name: 'queue-access', statements: [{ Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: 'arn:aws:sqs:eu-west-1:123456789012:jobs' }] }],
    });
    expect(roles[1].permissionsBoundaryArn).toBe('arn:aws:iam::123456789012:policy/audit-boundary');
  });

  test('the roles build: trust statements lifted where a typed trust says them, the rest verbatim', () => {
    const stack = newStack({ env: { account: '123456789012', region: 'eu-west-1' } });
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', catalogText);
    const kinds = (name: string) => catalog.role(name).trusts.map((t) => t.constructor);
    expect(kinds('batch-worker-role')).toEqual([ServiceTrust]);
    // The statement with a source IP condition stays verbatim, in a value of its own.
    expect(kinds('partner-auditor')).toEqual([AwsPrincipalTrust, PolicyJsonTrust]);
    expect(kinds('reports-pods')).toEqual([WebIdentityTrust]);
    const template = Template.fromStack(stack);
    template.hasResource('AWS::IAM::Role', { DeletionPolicy: 'Retain', Properties: { RoleName: 'partner-auditor' } });
    template.hasResource('AWS::IAM::Role', { DeletionPolicy: 'Delete', Properties: { RoleName: 'batch-worker-role', Path: '/workers/', MaxSessionDuration: 7200 } });
  });

  test.each([
    ['a deletionPolicy the operator does not have', yaml('apiVersion: aws-infra-operator.runner.codes/v1alpha1', 'kind: IAMRole', 'metadata: {name: a}', 'spec:',
      '  roleName: a', '  assumeRolePolicyDocument: \'{"Statement": []}\'', '  deletionPolicy: Orphan'),
    'in.yaml:7:3: deletionPolicy "Orphan" has no removalPolicy; the operator\'s values are "Delete", "Retain"'],
    ['a spec field the converter does not know', yaml('apiVersion: aws-infra-operator.runner.codes/v1alpha1', 'kind: IAMRole', 'metadata: {name: a}', 'spec:',
      '  roleName: a', '  assumeRolePolicyDocument: \'{}\'', '  sessionPolicy: x'),
    'in.yaml:7:3: spec.sessionPolicy is not a field of the operator\'s IAMRole this converter knows; remove it or add it to the catalog by hand'],
    ['a role without trust policy', yaml('apiVersion: aws-infra-operator.runner.codes/v1alpha1', 'kind: IAMRole', 'metadata: {name: a}', 'spec:', '  roleName: a'),
      'in.yaml:4:1: spec.assumeRolePolicyDocument is missing; the operator requires it (who may assume the role)'],
    ['an inline policy that is not JSON', yaml('apiVersion: aws-infra-operator.runner.codes/v1alpha1', 'kind: IAMRole', 'metadata: {name: a}', 'spec:',
      '  roleName: a', '  assumeRolePolicyDocument: \'{}\'', '  inlinePolicies:', '    - policyName: p', '      policyDocument: \'{"Statement": [}\''),
    'in.yaml:9:7: policy JSON does not parse at line 1, column 16: expected a value (comments and trailing commas are not JSON)'],
    ['no IAMRole at all', yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}'), 'in.yaml: no IAMRole resource of aws-infra-operator.runner.codes/v1alpha1 found'],
    ['a YAML syntax error', yaml('apiVersion: aws-infra-operator.runner.codes/v1alpha1', 'kind: [IAMRole'), 'in.yaml:3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ])('%s: fails with the place in the manifest', (_name, text, message) => {
    expect(() => RoleCatalogMigration.fromOperatorManifests(text, { sourceName: 'in.yaml' })).toThrow(message);
  });

  test('a trust policy that is not JSON is kept as text, so the catalog says where it is broken', () => {
    const text = RoleCatalogMigration.fromOperatorManifests(yaml('apiVersion: aws-infra-operator.runner.codes/v1alpha1', 'kind: IAMRole', 'metadata: {name: a}', 'spec:',
      '  roleName: a', '  assumeRolePolicyDocument: |', '    {"Version": "2012-10-17",', '     # Comments are not allowed in JSON', '    }'));
    expect(RoleCatalog.validate({ text, sourceName: 'roles.yaml' })).toEqual([
      expect.stringMatching(/^roles\.yaml:\d+:\d+: roles\[0\]\.trustPolicy: policy JSON does not parse at line 2, column 2: /),
    ]);
  });
});

describe('RoleCatalogMigration.fromPulumiConfig', () => {
  test('writes the roles with a defaults block saying who assumes them', () => {
    const text = RoleCatalogMigration.fromPulumiConfig(read('Pulumi.iam-roles.yaml'), { sourceName: 'Pulumi.iam-roles.yaml', defaults: NODES });
    const document = YAML.parse(text);
    expect(document.defaults).toEqual(NODES);
    expect(document.roles.map((r: any) => [r.name, r.policies.map((p: any) => p.name)])).toEqual([
      ['ci-runner', ['assume-deployer', 'images']],
      ['log-shipper', ['logs']],
    ]);
    const stack = newStack();
    RoleCatalog.fromYaml(stack, 'Roles', text);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 2);
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'ci-runner',
      AssumeRolePolicyDocument: {
        Statement: [{ Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/k8s-nodes']] } } }],
      },
    });
  });

  test.each([
    ['no defaults', yaml('config:', '  iam-roles:roles: []'), undefined, 'the roles of a Pulumi iam-roles config have no trust; give "defaults"'],
    ['no iam-roles:roles list', yaml('config:', '  aws:region: eu-west-1'), NODES, 'in.yaml: no "config: iam-roles:roles:" list found'],
    ['a role field the module does not have', yaml('config:', '  iam-roles:roles:', '    - name: a', '      trust: x'), NODES,
      'in.yaml:4:7: "trust" is not a field of the iam-roles module\'s roles (name, policies)'],
    ['a role without name', yaml('config:', '  iam-roles:roles:', '    - policies: []'), NODES, 'in.yaml:3:7: a role of iam-roles:roles needs a "name"'],
  ])('%s: fails with the place in the config', (_name, text, defaults, message) => {
    expect(() => RoleCatalogMigration.fromPulumiConfig(text, { sourceName: 'in.yaml', defaults })).toThrow(message);
  });
});
