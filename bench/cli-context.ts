/**
 * Template bytes per role under the context `cdk synth` sets by default: path metadata on
 * every resource (`aws:cdk:path`) and version reporting (one AWS::CDK::Metadata per stack).
 * The bench's own apps run without it, as unit tests do.
 */
import { Stack } from 'aws-cdk-lib';
import { addRoles, Variant } from './scenarios';
import { newApp, readOutput } from './template';

export const CLI_CONTEXT = { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:version-reporting': true };

/** Template bytes and resources per role for `roles` roles in one stack under the CLI context, and the first role's path. */
export function cliContextSize(variant: Variant, roles: number): { bytesPerRole: number; resources: number; firstPath: string } {
  const app = newApp(CLI_CONTEXT);
  addRoles(new Stack(app, 'Cli'), variant, roles);
  const output = readOutput(app);
  const first = Object.values(output.templates[0].Resources as Record<string, any>).find((r) => r.Type === 'AWS::IAM::Role');
  return { bytesPerRole: output.templateBytes / roles, resources: output.resources, firstPath: first?.Metadata?.['aws:cdk:path'] ?? 'none' };
}
