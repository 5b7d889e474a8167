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

/**
 * A lazy value (like `Lazy.any`: produced once, on first resolution) that notes whether it is
 * resolved for the template, and in which template pass. It replaces the lazy value a property
 * would have had, so it adds no layer of resolution (each layer costs every resolution of the
 * resource).
 */
class KeptLazyValue implements IResolvable {
  public readonly creationStack: string[] = [];
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

/** The resolved properties of a resource, by resource, with the template pass they were kept in. */
const kept = new WeakMap<CfnResource, { pass: number; properties: Record<string, any> }>();

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
      kept.set(resource, { pass: templatePass, properties });
    }
    return render.call(this, properties);
  };
}

/** Values resolved here because none was kept, once per template pass. */
const fallback = new WeakMap<CfnResource, { pass: number; values: Map<string, any> }>();

/**
 * `resource[key]` resolved for CloudFormation: as kept in the current template pass or, when
 * nothing was kept (a resource of a stack not yet written, a role not made by this library),
 * resolved here, once per pass.
 */
export function resolvedProperty(resource: CfnResource, key: string): any {
  const properties = kept.get(resource);
  if (properties?.pass === templatePass) {
    return properties.properties[key];
  }
  const value = (resource as unknown as Record<string, unknown>)[key];
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
