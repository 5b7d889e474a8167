import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { synthExampleApp } from './example-app';
import { AssumableRole, Trust } from '../../src';
import { ReviewFormat, RoleReview } from '../../src/review/role-review';
import { useTempAssemblies, useTempDirectories } from '../support/assemblies';

const synth = useTempAssemblies();
const tempDir = useTempDirectories();
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'review-report.schema.json'), 'utf-8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

function json(review: RoleReview): any {
  const report = JSON.parse(review.render(ReviewFormat.JSON));
  expect(validate(report) ? [] : validate.errors).toEqual([]);
  return report;
}

describe('the review as JSON', () => {
  test('the example app: the documented shape, and what matters in it', () => {
    const report = json(RoleReview.fromAssembly(synthExampleApp(tempDir())));
    expect(report.summary).toEqual({
      roles: 12,
      trustedParties: 12,
      crossAccountParties: 3,
      unreadableTrustPolicies: 0,
      findings: { error: 0, warning: 0, info: 0, acknowledged: 1 },
    });
    const partner = report.roles.find((r: any) => r.path === 'PlatformRoles/PartnerReadOnly');
    expect(partner).toMatchObject({ template: 'PlatformRoles.template.json', maxSessionDuration: 7200, managedPolicies: ['AWS managed ReadOnlyAccess'] });
    expect(partner.trustedParties).toEqual([{
      kind: 'account',
      principalType: 'AWS',
      principal: 'arn:{partition}:iam::111122223333:root',
      who: 'account 111122223333 (root)',
      sentence: 'account 111122223333 (root) with ExternalId partner-7d1f3a',
      actions: ['sts:AssumeRole'],
      conditions: [{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['partner-7d1f3a'], words: 'ExternalId partner-7d1f3a' }],
      statement: 0,
      account: '111122223333',
      crossAccount: true,
      unreadConditions: false,
    }]);
  });

  test('edges, cycles, unreadable trust policies and unread stacks fit the shape', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'us-east-1' } });
      new iam.Role(stack, 'One', { roleName: 'one', assumedBy: new iam.ArnPrincipal('arn:aws:iam::111111111111:role/two') });
      new iam.Role(stack, 'Two', { roleName: 'two', assumedBy: new iam.ArnPrincipal('arn:aws:iam::111111111111:role/one') });
      new iam.CfnRole(stack, 'Dynamic', { assumeRolePolicyDocument: { Ref: 'TrustDocument' } });
      new iam.Role(new Stack(app, 'Broken'), 'R', { assumedBy: new iam.AccountRootPrincipal() });
    });
    fs.writeFileSync(path.join(dir, 'Broken.template.json'), '{');
    const report = json(RoleReview.fromAssembly(dir));
    expect(report.edges).toEqual([{ from: 'S/One', to: 'S/Two', kind: 'name' }, { from: 'S/Two', to: 'S/One', kind: 'name' }]);
    expect(report.cycles).toEqual([['S/One', 'S/Two', 'S/One']]);
    expect(report.summary.unreadableTrustPolicies).toBe(1);
    expect(report.unreadStacks).toEqual([expect.objectContaining({ name: 'Broken' })]);
  });
});

describe('the review of an organization trust', () => {
  test('a role trusting the deployer roles of an organization\'s units reads as such, with no finding', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'us-east-1' } });
      new AssumableRole(stack, 'Deploy', {
        trust: [Trust.organizationalUnits('o-a1b2c3d4e5', ['ou-ab12-11111111']).withPrincipalArn('arn:{partition}:iam::*:role/deployer')],
      });
    });
    const report = json(RoleReview.fromAssembly(dir));
    expect(report.roles.map((r: any) => [r.path, r.trustedParties.map((p: any) => p.sentence), r.findings])).toEqual([[
      'S/Deploy',
      ['any principal in organizational unit ou-ab12-11111111 (or a unit below it) of organization o-a1b2c3d4e5, only arn:{partition}:iam::*:role/deployer'],
      [],
    ]]);
  });
});
