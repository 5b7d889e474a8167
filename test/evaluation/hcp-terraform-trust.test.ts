/**
 * Who may assume a role trusting HCP Terraform: runs of the trusted organization, projects,
 * workspaces and run phases, with a token for `aws.workload.identity`, through the IAM OIDC
 * provider of app.terraform.io. Callers hold whole tokens (ci-tokens.ts).
 */
import { HCP_TERRAFORM, terraformModuleTest, terraformRun } from './ci-tokens';
import { allow, deny, describeCases } from './evaluation-fixtures';
import { AssumableRole, HcpTerraformRunPhase, OidcIssuer, Trust } from '../../src';
import { newStack } from '../support/stacks';

describeCases('Trust.hcpTerraform: one workspace, apply only', () => {
  const stack = newStack();
  const trust = Trust.hcpTerraform({ organization: 'acme', workspaces: ['prod'], runPhases: [HcpTerraformRunPhase.APPLY] });
  return { stack, role: new AssumableRole(stack, 'Apply', { trust: [trust] }) };
}, [
  allow('an apply of the workspace', terraformRun()),
  allow('an apply of the workspace moved to another project', terraformRun({ project: 'Networking' })),
  deny('a plan of the workspace', terraformRun({ phase: 'plan' })),
  deny('another workspace', terraformRun({ workspace: 'staging' })),
  deny('a workspace whose name extends the trusted one', terraformRun({ workspace: 'prod-evil' })),
  deny('the same workspace name in another organization', terraformRun({ organization: 'evil' })),
  deny('an organization whose name extends the trusted one', terraformRun({ organization: 'acme-evil' })),
  deny('a module test run of the organization', terraformModuleTest('acme', 'prod')),
  deny('the STS audience (HCP Terraform sends aws.workload.identity)', terraformRun({ aud: 'sts.amazonaws.com' })),
  deny('the same subject from a Terraform Enterprise instance', terraformRun({}, 'tfe.example.com')),
  deny('the same subject from GitLab\'s issuer', terraformRun({}, 'gitlab.com')),
]);

describeCases('Trust.hcpTerraform: every workspace of a project, plan and apply', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Project', { trust: [Trust.hcpTerraform({ organization: 'acme', projects: ['Networking'] })] }) };
}, [
  allow('a plan in the project', terraformRun({ project: 'Networking', workspace: 'vpc', phase: 'plan' })),
  allow('an apply in the project', terraformRun({ project: 'Networking', workspace: 'dns' })),
  deny('a workspace of the Default Project', terraformRun({ workspace: 'vpc' })),
  deny('a project whose name extends the trusted one', terraformRun({ project: 'Networking Evil' })),
  deny('another organization\'s project of the same name', terraformRun({ organization: 'evil', project: 'Networking' })),
]);

describeCases('Trust.hcpTerraform: the whole organization (HashiCorp\'s minimum: audience and organization)', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Organization', { trust: [Trust.hcpTerraform({ organization: 'acme' })] }) };
}, [
  allow('any workspace run of the organization', terraformRun({ workspace: 'anything', phase: 'plan' })),
  deny('an organization whose name extends the trusted one', terraformRun({ organization: 'acme-evil' })),
  deny('a module test run (not a workspace run)', terraformModuleTest('acme', 'vpc')),
]);

describeCases('Trust.hcpTerraform on Terraform Enterprise, with a custom audience', () => {
  const stack = newStack();
  const trust = Trust.hcpTerraform({ organization: 'acme', workspaces: ['prod'], issuer: OidcIssuer.hcpTerraform('https://tfe.example.com'), audiences: ['tfe-aws'] });
  return { stack, role: new AssumableRole(stack, 'Enterprise', { trust: [trust] }) };
}, [
  allow('a run of the instance for that audience', terraformRun({ aud: 'tfe-aws' }, 'tfe.example.com')),
  deny('the default audience (replaced)', terraformRun({}, 'tfe.example.com')),
  deny('the same run on HCP Terraform', terraformRun({ aud: 'tfe-aws' }, HCP_TERRAFORM)),
]);
