import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * What the rules that depend on a role's stack need to know: its account and region, each
 * `undefined` when only known at deploy time (an environment-agnostic stack) or unknown.
 */
export interface StackEnv {
  readonly account?: string;
  readonly region?: string;
}

/** By stack: a stack's account and region are fixed when it is made, and every role asks (often several times). */
const ENVS = new WeakMap<Stack, StackEnv>();

/** The literal account and region of the stack a construct is in. */
export function stackEnvOf(scope: IConstruct): StackEnv {
  // The scope's own stack when it keeps one (AssumableRole.stack): Stack.of would look it up
  // again, and mark a construct it meets for the first time (a role being built) with it.
  const own = (scope as { readonly stack?: unknown }).stack;
  const stack = own !== undefined && Stack.isStack(own) ? own : Stack.of(scope);
  let env = ENVS.get(stack);
  if (!env) {
    env = {
      account: Token.isUnresolved(stack.account) ? undefined : stack.account,
      region: Token.isUnresolved(stack.region) ? undefined : stack.region,
    };
    ENVS.set(stack, env);
  }
  return env;
}
