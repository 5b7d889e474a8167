/**
 * `iam.Role.customizeRoles` (organisations whose security team pre-creates roles): aws-cdk-lib
 * then makes no `AWS::IAM::Role` and reports each role's trust and policies instead.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, CrossAccountRole, RoleCatalog, ServiceRole, Trust } from '../../src';

function precreatedApp(names: Record<string, string> = {}): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  iam.Role.customizeRoles(stack, { usePrecreatedRoles: names });
  return { app, stack };
}

/** CDK's report of the pre-created roles (written by the synthesis). */
function policyReport(app: App): any {
  const outdir = app.synth({ force: true }).directory;
  return JSON.parse(fs.readFileSync(path.join(outdir, 'iam-policy-report.json'), 'utf8'));
}

describe('Role.customizeRoles', () => {
  test('every construct is made, with no AWS::IAM::Role, and the pre-created names are used', () => {
    const { app, stack } = precreatedApp({ 'Stack/Svc/Default': 'svc-role', 'Stack/X/Default': 'partner-role' });
    const svc = new ServiceRole(stack, 'Svc', { services: ['lambda'], awsManagedPolicyNames: ['ReadOnlyAccess'], outputs: true });
    const partner = new CrossAccountRole(stack, 'X', { trustedAccounts: ['111122223333'], externalIds: ['partner-1'] });
    new AssumableRole(stack, 'Plain', { trust: [Trust.service('ecs-tasks')], maxSessionDuration: undefined });
    expect(stack.resolve(svc.roleName)).toBe('svc-role');
    expect(stack.resolve(partner.roleArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:role/partner-role']] });
    const template = app.synth().getStackByName(stack.stackName).template;
    expect(Object.values(template.Resources ?? {}).filter((r: any) => r.Type === 'AWS::IAM::Role')).toEqual([]);
    // outputs: true still outputs the role's ARN and name, the pre-created ones.
    expect(Object.keys(template.Outputs ?? {}).filter((k) => k.startsWith('Svc'))).toHaveLength(2);
  });

  test('the policies of a role are in CDK\'s policy report, under the pre-created name', () => {
    const { app, stack } = precreatedApp({ 'Stack/Svc/Default': 'svc-role' });
    const svc = new ServiceRole(stack, 'Svc', { services: ['lambda'], awsManagedPolicyNames: ['ReadOnlyAccess'] });
    svc.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] }));
    const report = JSON.stringify(policyReport(app));
    expect(report).toContain('svc-role');
    expect(report).toContain('ReadOnlyAccess');
    expect(report).toContain('s3:GetObject');
  });

  test('the trust policy the construct writes is in the report', () => {
    const { app, stack } = precreatedApp({ 'Stack/X/Default': 'partner-role' });
    const partner = new CrossAccountRole(stack, 'X', { trustedAccounts: ['111122223333'], externalIds: ['partner-1'] });
    partner.addTrust(Trust.service('lambda'));
    const role = policyReport(app).roles.find((r: any) => r.roleName === 'partner-role');
    expect(role.assumeRolePolicy).toEqual([
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:(PARTITION):iam::111122223333:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'partner-1' } },
      },
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('revoking sessions adds the deny statement to the report', () => {
    const { app, stack } = precreatedApp({ 'Stack/Svc/Default': 'svc-role' });
    const svc = new ServiceRole(stack, 'Svc', { services: ['lambda'] });
    svc.revokeSessionsIssuedBefore(new Date('2026-11-25T06:00:00.000Z'));
    const report = JSON.stringify(policyReport(app));
    expect(report).toContain('aws:TokenIssueTime');
    expect(report).toContain('2026-11-25T06:00:00Z');
  });

  test('roles of a catalog are made too, under their pre-created names, with their trust in the report', () => {
    // A catalog role's construct path is <catalog id>/<role name>, so the pre-created role is
    // named for `Stack/Roles/<name>/Default`, like any construct's.
    const { app, stack } = precreatedApp({ 'Stack/Roles/deployer/Default': 'precreated-deployer' });
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', [
      'roles:',
      '  - name: deployer',
      '    kind: cross-account',
      '    trustedAccounts: ["111122223333"]',
      '    externalIds: [partner-1]',
      '    awsManagedPolicyNames: [ReadOnlyAccess]',
    ].join('\n'));
    expect(stack.resolve(catalog.role('deployer').roleName)).toBe('precreated-deployer');
    const template = app.synth().getStackByName(stack.stackName).template;
    expect(Object.values(template.Resources ?? {}).filter((r: any) => r.Type === 'AWS::IAM::Role')).toEqual([]);
    const role = policyReport(app).roles.find((r: any) => r.roleName === 'precreated-deployer');
    expect(role.assumeRolePolicy).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: 'arn:(PARTITION):iam::111122223333:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'partner-1' } },
    }]);
    expect(JSON.stringify(role)).toContain('ReadOnlyAccess');
  });
});
