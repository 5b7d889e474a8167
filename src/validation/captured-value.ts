/**
 * Resolved property values for the checks and the size limits: the trust policy of the library's
 * roles kept while CDK resolves the template (resolving the same document again was a large part
 * of what checking cost), any other property resolved once per template pass.
 *
 * The kept value comes from a post-processor (`IResolveContext.registerPostProcessor`) that
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

/** Whether the last resolution seen was for a template (not while preparing the app). */
export function inTemplatePass(): boolean {
  return !lastResolutionPrepared;
}

/**
 * Notes a resolution: for a template, or (`preparing`) while CDK prepares the app. A template
 * resolution after a preparing one starts a new template pass.
 */
export function noteResolution(preparing: boolean | undefined): void {
  if (preparing) {
    lastResolutionPrepared = true;
  } else if (lastResolutionPrepared) {
    lastResolutionPrepared = false;
    templatePass++;
  }
}

/**
 * A lazy value (like `Lazy.any`: produced once, on first resolution) that keeps what it resolved
 * to in the current template pass. It replaces the lazy value a property would have had, so it
 * adds no layer of resolution (each layer costs every resolution of the resource).
 */
class KeptLazyValue implements IResolvable {
  public readonly creationStack: string[] = [];
  /** The template pass `resolved` was kept in. */
  public pass = -1;
  public resolved: any;
  private produced?: { value: unknown };

  constructor(private readonly producer: () => unknown) {}

  /** What the producer produced (produced now if it has not been). */
  public get value(): unknown {
    this.produced ??= { value: this.producer() };
    return this.produced.value;
  }

  public resolve(context: IResolveContext): any {
    noteResolution(context.preparing);
    if (context.preparing) {
      return this.value;
    }
    context.registerPostProcessor({
      postProcess: (resolved) => {
        this.resolved = resolved;
        this.pass = templatePass;
        return resolved;
      },
    });
    return this.value;
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/**
 * A lazy property value, produced once, whose resolved value `resolvedProperty` reads from the
 * template pass instead of resolving it again.
 */
export function keptLazyValue(producer: () => unknown): IResolvable {
  return new KeptLazyValue(producer);
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
  if (value instanceof KeptLazyValue && value.pass === templatePass) {
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
    // What it produced, not the lazy value itself: a resolution here must not count as a template pass.
    entry.values.set(key, Stack.of(resource).resolve(unwrapped(value)));
  }
  return entry.values.get(key);
}

/** A property's value, with a kept lazy value replaced by what it produced (for code that reads it back). */
export function unwrapped(value: unknown): unknown {
  return value instanceof KeptLazyValue ? value.value : value;
}
