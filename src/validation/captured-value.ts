/**
 * The values CloudFormation gets for the properties of role and policy resources, kept while CDK
 * resolves the templates, so that the checks and the size limits read them instead of resolving
 * the same documents again (resolving was most of what checking cost).
 *
 * A wrapped property registers a post-processor (`IResolveContext.registerPostProcessor`) that
 * keeps the fully resolved value it is handed and passes it on unchanged: the template is the
 * same. Only resolutions for the template count: CDK also resolves every resource while it
 * prepares the app (`preparing`), with a resolver that renders strings differently.
 */
import { CfnResource, IResolvable, IResolveContext, Stack, Token } from 'aws-cdk-lib';

/**
 * The number of the current template pass: it grows when a template resolution follows a
 * preparing one, i.e. once per synthesis of each stage (and of each nested stack's template).
 */
let templatePass = 0;
let lastResolutionPrepared = true;

/** The current template pass (see `templatePass`). */
export function currentTemplatePass(): number {
  return templatePass;
}

/** Whether the last resolution of a kept property was for a template (not while preparing the app). */
export function inTemplatePass(): boolean {
  return !lastResolutionPrepared;
}

/** A property value that keeps what it resolved to in the current template pass. */
class CapturedValue implements IResolvable {
  public readonly creationStack: string[] = [];
  /** The template pass `resolved` was kept in. */
  public pass = -1;
  public resolved: any;

  constructor(public readonly inner: unknown) {}

  public resolve(context: IResolveContext): any {
    if (context.preparing) {
      lastResolutionPrepared = true;
      return this.inner;
    }
    if (lastResolutionPrepared) {
      lastResolutionPrepared = false;
      templatePass++;
    }
    context.registerPostProcessor({
      postProcess: (resolved) => {
        this.resolved = resolved;
        this.pass = templatePass;
        return resolved;
      },
    });
    return this.inner;
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/** Wraps the properties `keys` of `resource` (those with a value, once) so that their resolved values are kept. */
export function captureProperties(resource: CfnResource, keys: string[]): void {
  const props = resource as unknown as Record<string, unknown>;
  for (const key of keys) {
    const value = props[key];
    if (value !== undefined && !(value instanceof CapturedValue)) {
      props[key] = new CapturedValue(value);
    }
  }
}

/** Values resolved here because none was kept, once per template pass. */
const fallback = new WeakMap<CfnResource, { pass: number; values: Map<string, any> }>();

/**
 * `resource[key]` resolved for CloudFormation: as kept in the current template pass or, when
 * nothing was kept (a resource of a stack not yet written, a property set after it was wrapped),
 * resolved here, once per pass.
 */
export function resolvedProperty(resource: CfnResource, key: string): any {
  const value = (resource as unknown as Record<string, unknown>)[key];
  if (value instanceof CapturedValue && value.pass === templatePass) {
    return value.resolved;
  }
  if (value === undefined) {
    return undefined;
  }
  let entry = fallback.get(resource);
  if (!entry || entry.pass !== templatePass) {
    entry = { pass: templatePass, values: new Map() };
    fallback.set(resource, entry);
  }
  if (!entry.values.has(key)) {
    // The value itself, not the wrapper: a resolution here must not count as a template pass.
    entry.values.set(key, Stack.of(resource).resolve(unwrapped(value)));
  }
  return entry.values.get(key);
}

/** The value a property was given, without the wrapper (for code that reads it back). */
export function unwrapped(value: unknown): unknown {
  return value instanceof CapturedValue ? value.inner : value;
}
