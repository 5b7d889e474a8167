/**
 * Resolved property values for the checks and the size limits: the properties of the library's
 * roles kept as CDK resolved them for the template (resolving the same documents again was a
 * large part of what checking cost), any other property resolved once per template pass.
 *
 * The kept properties are the ones CDK hands the resource's `renderProperties` when it writes
 * the template: fully resolved, before they are turned into CloudFormation's casing. Keeping them
 * changes nothing in the template. Only resolutions for the template count: CDK also resolves
 * every resource while it prepares the app (`preparing`), with a resolver that renders strings
 * differently; the role's trust policy, a lazy value of its own (`keptLazyValue`), tells the two
 * apart.
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

const NO_CREATION_STACK: string[] = [];

/**
 * A lazy value (like `Lazy.any`: produced once, on first resolution) that notes whether it is
 * resolved for the template, and in which template pass. It replaces the lazy value a property
 * would have had, so it adds no layer of resolution (each layer costs every resolution of the
 * resource).
 */
class KeptLazyValue implements IResolvable {
  /** None is recorded (as for CDK's lazy values outside debug mode): one empty list for all. */
  public readonly creationStack: string[] = NO_CREATION_STACK;
  /** The template pass it was last resolved in for the template (not while CDK prepared the app). */
  public pass = -1;
  private produced?: { value: unknown };

  constructor(private readonly producer: () => unknown) {}

  /** What the producer produced (produced now if it has not been). */
  public get value(): unknown {
    this.produced ??= { value: this.producer() };
    return this.produced.value;
  }

  public resolve(context: IResolveContext): any {
    noteResolution(context.preparing);
    if (!context.preparing) {
      this.pass = templatePass;
    }
    return this.value;
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/**
 * A lazy property value, produced once. Set as the trust policy of a role resource passed to
 * `keepRenderedProperties`, it tells when the resource is resolved for the template.
 */
export function keptLazyValue(producer: () => unknown): IResolvable {
  return new KeptLazyValue(producer);
}

/**
 * What is kept for the current template pass only. A pass's values are never read in a later
 * pass, so they are dropped when the next pass starts: CDK keeps every app it synthesized
 * reachable (its token map holds their tokens), and values kept per resource would live, and be
 * copied by every garbage collection, as long as the process (a test run, a warm benchmark).
 */
class PassValues {
  /** The resolved properties of a resource, as kept from its `renderProperties`. */
  public readonly kept = new WeakMap<CfnResource, Record<string, any>>();
  /** Values resolved here because none was kept, by resource and property. */
  public readonly fallback = new WeakMap<CfnResource, Map<string, any>>();
  constructor(public readonly pass: number) {}
}

let passValues = new PassValues(templatePass);

/** The values of the current template pass (a new, empty set when a pass has started since). */
function currentPassValues(): PassValues {
  if (passValues.pass !== templatePass) {
    passValues = new PassValues(templatePass);
  }
  return passValues;
}

/**
 * Keeps the properties of `resource` as CDK resolves them for its template, for
 * `resolvedProperty`: CDK hands them, resolved, to the resource's `renderProperties`, which is
 * wrapped here (on this resource only) to keep them on the way. `marker` is the resource's trust
 * policy as a `keptLazyValue`: resolved just before, as part of the same properties, it tells a
 * template resolution from one made while CDK prepares the app.
 */
export function keepRenderedProperties(resource: CfnResource, marker: IResolvable): void {
  const target = resource as unknown as { renderProperties(props: Record<string, any>): Record<string, any> };
  const render = target.renderProperties;
  target.renderProperties = function (this: unknown, properties: Record<string, any>) {
    if (marker instanceof KeptLazyValue && marker.pass === templatePass && inTemplatePass()) {
      currentPassValues().kept.set(resource, properties);
    }
    return render.call(this, properties);
  };
}

/**
 * `resource[key]` resolved for CloudFormation: as kept in the current template pass or, when
 * nothing was kept (a resource of a stack not yet written, a role not made by this library),
 * resolved here, once per pass.
 */
export function resolvedProperty(resource: CfnResource, key: string): any {
  const values = currentPassValues();
  const properties = values.kept.get(resource);
  if (properties) {
    return properties[key];
  }
  const value = (resource as unknown as Record<string, unknown>)[key];
  if (value === undefined) {
    return undefined;
  }
  let resolved = values.fallback.get(resource);
  if (!resolved) {
    resolved = new Map();
    values.fallback.set(resource, resolved);
  }
  if (!resolved.has(key)) {
    // What it produced, not the lazy value itself: a resolution here must not count as a template pass.
    resolved.set(key, Stack.of(resource).resolve(unwrapped(value)));
  }
  return resolved.get(key);
}

/** A property's value, with a kept lazy value replaced by what it produced (for code that reads it back). */
export function unwrapped(value: unknown): unknown {
  return value instanceof KeptLazyValue ? value.value : value;
}
