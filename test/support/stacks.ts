/**
 * Apps, stacks and deploy-time values for the tests: the one place they are made.
 *
 * A stack is `Stack` (so a role `Role` in it is at `Stack/Role`), env-agnostic and alone in a
 * new app unless the test says otherwise.
 */
import { App, AppProps, CfnParameter, CfnParameterProps, Lazy, Stack, StackProps } from 'aws-cdk-lib';

/** What `newStack` needs besides the props of the stack itself. */
export interface NewStackOptions extends StackProps {
  /** The construct ID of the stack (default `Stack`). */
  readonly id?: string;
  /** The app the stack belongs to (default: a new app of its own). */
  readonly app?: App;
}

/** A new app. */
export function newApp(props?: AppProps): App {
  return new App(props);
}

/** A new stack: `Stack`, in an app of its own, unless `options` say otherwise. */
export function newStack(options: NewStackOptions = {}): Stack {
  const { id = 'Stack', app = newApp(), ...props } = options;
  return new Stack(app, id, props);
}

/**
 * A string known only at deploy time: the value of a new `CfnParameter` of the stack,
 * rendered `{"Ref": "<id>"}`.
 */
export function stringParameter(stack: Stack, id: string = 'P', props: CfnParameterProps = {}): string {
  return new CfnParameter(stack, id, props).valueAsString;
}

/** A number known only at deploy time: the value of a new `Number` `CfnParameter` of the stack. */
export function numberParameter(stack: Stack, id: string): number {
  return new CfnParameter(stack, id, { type: 'Number' }).valueAsNumber;
}

/** A string token that resolves (at synth) to `value`. */
export function lazyString(value: string): string {
  return Lazy.string({ produce: () => value });
}

/** A number token that resolves (at synth) to `value`. */
export function lazyNumber(value: number): number {
  return Lazy.number({ produce: () => value });
}
