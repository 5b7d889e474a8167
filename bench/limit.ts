/**
 * What happens past CloudFormation's 500 resources per stack. aws-cdk-lib checks it when
 * it writes the template (core/lib/stack.js, `_synthesizeTemplate`, MAX_RESOURCES = 500,
 * overridable with the context key `@aws-cdk/core:stackResourceLimit`): more resources
 * throw a ValidationError `TooManyResourcesInStack`; 80% or more adds an info annotation.
 */
import { App, Stack } from 'aws-cdk-lib';
import { addRoles, Variant } from './scenarios';
import { newApp, removeOutput } from './template';

/** The outcome of synthesizing one stack. */
export interface LimitOutcome {
  readonly label: string;
  readonly ok: boolean;
  readonly message: string;
  readonly ms: number;
}

function synthOne(label: string, variant: Variant, roles: number, context: Record<string, unknown> = {}): LimitOutcome {
  const app: App = newApp(context);
  const stack = new Stack(app, 'Limit');
  addRoles(stack, variant, roles);
  const start = performance.now();
  try {
    const assembly = app.synth();
    const artifact = assembly.getStackByName(stack.stackName);
    const resources = Object.values(artifact.template.Resources ?? {}) as any[];
    const info = artifact.messages.map((m) => `${m.level}: ${m.entry.data}`).filter((m) => m.includes('resources')).join('; ');
    const metadata = resources.filter((r) => r.Type === 'AWS::CDK::Metadata').length;
    return {
      label,
      ok: true,
      ms: performance.now() - start,
      message: `synthesized, ${resources.length} resources${metadata ? ` (incl. ${metadata} AWS::CDK::Metadata)` : ''}${info ? `; annotation ${info}` : ''}`,
    };
  } catch (e) {
    const err = e as Error;
    return { label, ok: false, ms: performance.now() - start, message: `${err.constructor.name}: ${err.message}` };
  } finally {
    removeOutput(app);
  }
}

/** 500 and 501 roles of ours and of plain in one stack, and 500 with CDK's version-reporting resource. */
export function limitOutcomes(): LimitOutcome[] {
  // `cdk synth` turns version reporting on by default, which adds AWS::CDK::Metadata to every stack.
  const versionReporting = { 'aws:cdk:version-reporting': true };
  return [
    synthOne('ours, 500 roles', 'ours', 500),
    synthOne('plain, 500 roles', 'plain', 500),
    synthOne('ours, 501 roles', 'ours', 501),
    synthOne('plain, 501 roles', 'plain', 501),
    synthOne('ours, 500 roles + version reporting (cdk CLI default)', 'ours', 500, versionReporting),
    synthOne('plain, 500 roles + version reporting (cdk CLI default)', 'plain', 500, versionReporting),
  ];
}
