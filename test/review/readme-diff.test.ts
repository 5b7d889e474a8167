/**
 * The diff shown in README.md ("Reviewing an app" > "What a change widened") is the real output
 * of these two versions of an app.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { AssumableRole, CrossAccountRole, PermissionsBoundary, ReviewDiff, ReviewFormat, RoleReview, Trust } from '../../src';
import { useTempAssemblies } from '../support/assemblies';

const synth = useTempAssemblies();

function platform(app: App, version: 1 | 2): void {
  const stack = new Stack(app, 'PlatformRoles');
  new CrossAccountRole(stack, 'PartnerReadOnly', {
    trustedAccounts: version === 1 ? ['111122223333'] : ['111122223333', '444455556666'],
    externalIds: version === 1 ? ['partner-7d1f3a'] : undefined,
    awsManagedPolicyNames: ['ReadOnlyAccess'],
  });
  new AssumableRole(stack, 'Deployer', {
    trust: [Trust.githubActions({ repository: 'acme/app', branches: [version === 1 ? 'main' : '*'] })],
    permissionsBoundary: version === 1 ? PermissionsBoundary.fromName('team-boundary') : undefined,
    awsManagedPolicyNames: ['PowerUserAccess'],
  });
}

test('the README shows the real diff of the two versions', () => {
  const older = RoleReview.fromAssembly(synth((app) => platform(app, 1)));
  const newer = RoleReview.fromAssembly(synth((app) => platform(app, 2)));
  const diff = ReviewDiff.between(older, newer);
  expect(diff.widened).toBe(true);
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
  const start = '<!-- review diff: start (test/review/readme-diff.test.ts) -->\n';
  const shown = readme.slice(readme.indexOf(start) + start.length, readme.indexOf('<!-- review diff: end -->'));
  expect(shown).toBe(diff.render(ReviewFormat.MARKDOWN));
});
