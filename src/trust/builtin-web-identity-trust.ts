import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { TrustRelationship } from './trust-relationship';
import {
  AUTHENTICATED, BuiltinProvider, BUILTIN_PROVIDERS, cognitoPrincipalOf, GOOGLE_ORIGINAL_AUDIENCE_KEY, partitionOf, UNAUTHENTICATED,
} from '../private/builtin-web-identity';
import { IDENTITY_POOL_ID, InputRule, matches, WEB_IDENTITY_ID } from '../private/rules';
import { StackEnv } from '../private/stack-env';
import { addCondition, TrustStatement, unique } from '../private/statement';
import { fieldsOf, readFromFields } from '../private/trust-fields';

/** Options for `Trust.cognitoIdentityPool`. */
export interface CognitoIdentityPoolTrustOptions {
  /**
   * Whether identities that signed in through one of the pool's login providers may assume the
   * role (`cognito-identity.amazonaws.com:amr` has `authenticated`).
   *
   * @default true
   */
  readonly authenticated?: boolean;

  /**
   * Whether unauthenticated (guest) identities may assume the role (`amr` has
   * `unauthenticated`). Anyone who can call the identity pool gets a guest identity when the pool
   * allows them, so the role's permissions are public: Cognito advises that they be "more
   * restrictive" than those of authenticated identities
   * (https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html). The check
   * `CognitoUnauthenticatedAccess` reports such a trust for review.
   *
   * @default false
   */
  readonly unauthenticated?: boolean;

  /**
   * Only these identities of the pool (`cognito-identity.amazonaws.com:sub`, the identity ID
   * `<region>:<GUID>`).
   *
   * @default - any identity of the pool that the other options allow
   */
  readonly identityIds?: string[];
}

/** Options for `Trust.facebook` and `Trust.loginWithAmazon`. */
export interface SocialIdentityTrustOptions {
  /**
   * Only these users (`graph.facebook.com:id`, `www.amazon.com:user_id`,
   * `accounts.google.com:sub`).
   *
   * @default - any user of the application
   */
  readonly userIds?: string[];
}

/** Options for `Trust.google`. */
export interface GoogleTrustOptions extends SocialIdentityTrustOptions {
  /**
   * The tokens' own `aud` values (`accounts.google.com:oaud`). For tokens with an `azp` field
   * (hybrid apps, Google service accounts) `accounts.google.com:aud` is the `azp` value and the
   * token's `aud` is only seen as `oaud`; for tokens without `azp` both keys hold the `aud`
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
   *
   * @default - not required
   */
  readonly originalAudiences?: string[];
}

/** What a built-in provider's relationship is made of (one shape for all four). */
interface BuiltinSpec {
  readonly label: string;
  /** The provider; `undefined` for Cognito, whose principal depends on the pool's Region. */
  readonly provider?: BuiltinProvider;
  readonly audiences: string[];
  readonly subjects: string[];
  readonly originalAudiences: string[];
  /** Cognito's `amr` values (empty for the other providers). */
  readonly amr: string[];
  /** The Region of a literal identity pool ID. */
  readonly poolRegion?: string;
  readonly problems: string[];
}

/**
 * Trust in users of a web identity provider built into STS: an Amazon Cognito identity pool,
 * Google, Facebook or Login with Amazon, assumed with `sts:AssumeRoleWithWebIdentity`. No IAM
 * OIDC provider is registered for them; the statement names the provider as its `Federated`
 * principal (`cognito-identity.amazonaws.com`, `accounts.google.com`, `graph.facebook.com`,
 * `www.amazon.com`).
 *
 * Every statement requires the provider's audience (the identity pool ID, the client or app ID)
 * with `StringEquals`: these providers issue tokens to any user of any application, and the
 * audience is what makes them yours. Made by `Trust.cognitoIdentityPool`, `Trust.google`,
 * `Trust.facebook` and `Trust.loginWithAmazon`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
export class BuiltinWebIdentityTrust extends TrustRelationship {
  /**
   * `Trust.cognitoIdentityPool`.
   * @internal
   */
  public static _cognito(poolId: string, options: CognitoIdentityPoolTrustOptions): BuiltinWebIdentityTrust {
    const label = 'Trust.cognitoIdentityPool';
    const problems = [
      ...ruleProblems('identity pool ID', [poolId], IDENTITY_POOL_ID),
      ...listProblems(label, 'identityIds', options.identityIds),
      ...ruleProblems('identity ID', options.identityIds ?? [], IDENTITY_POOL_ID),
    ];
    const amr = [
      ...(options.authenticated ?? true ? [AUTHENTICATED] : []),
      ...(options.unauthenticated ?? false ? [UNAUTHENTICATED] : []),
    ];
    if (amr.length === 0) {
      problems.push(`${label} lets in neither authenticated nor unauthenticated identities (authenticated and unauthenticated are false): set one of them to true`);
    }
    const poolRegion = !Token.isUnresolved(poolId) && matches(IDENTITY_POOL_ID, poolId) ? poolId.split(':')[0] : undefined;
    return new BuiltinWebIdentityTrust({
      label, audiences: [poolId], subjects: options.identityIds ?? [], originalAudiences: [], amr, poolRegion, problems,
    });
  }

  /**
   * `Trust.google`, `Trust.facebook` and `Trust.loginWithAmazon`.
   * @internal
   */
  public static _social(
    label: string, idName: string, provider: BuiltinProvider, ids: string[], options: GoogleTrustOptions,
  ): BuiltinWebIdentityTrust {
    const problems = [
      ...(ids.length === 0 ? [`${label} needs at least one ${idName} ("${provider.audienceKey}"); without it tokens issued to any application would be accepted`] : []),
      ...ruleProblems(idName, ids, WEB_IDENTITY_ID),
      ...listProblems(label, 'userIds', options.userIds),
      ...ruleProblems('user ID', options.userIds ?? [], WEB_IDENTITY_ID),
      ...listProblems(label, 'originalAudiences', options.originalAudiences),
      ...ruleProblems('original audience', options.originalAudiences ?? [], WEB_IDENTITY_ID),
    ];
    return new BuiltinWebIdentityTrust({
      label, provider, audiences: ids, subjects: options.userIds ?? [], originalAudiences: options.originalAudiences ?? [], amr: [], problems,
    });
  }

  /** @internal */
  declare public readonly _label: string;
  /** @internal */
  declare public readonly _provider?: BuiltinProvider;
  /** @internal */
  declare public readonly _audiences: string[];
  /** @internal */
  declare public readonly _subjects: string[];
  /** @internal */
  declare public readonly _originalAudiences: string[];
  /** @internal */
  declare public readonly _amr: string[];
  /** @internal */
  declare public readonly _poolRegion?: string;

  private constructor(spec: BuiltinSpec) {
    super();
    const fields = fieldsOf(this);
    fields._label = spec.label;
    fields._provider = spec.provider;
    fields._audiences = unique(spec.audiences);
    fields._subjects = unique(spec.subjects);
    fields._originalAudiences = unique(spec.originalAudiences);
    fields._amr = spec.amr;
    fields._poolRegion = spec.poolRegion;
    this._problems.push(...spec.problems);
  }

  /**
   * The audiences required: the identity pool ID, or the client or app IDs.
   */
  public get audiences(): string[] {
    return [...this._audiences];
  }

  /**
   * The users (or Cognito identities) the relationship is limited to; empty for any.
   */
  public get userIds(): string[] {
    return [...this._subjects];
  }

  public toString(): string {
    const who = this._provider ? this._audiences : [...this._audiences, ...this._amr];
    return `${this._label}(${who.join(', ')})`;
  }

  /** @internal */
  public _stackProblems(env: StackEnv): string[] {
    if (this._poolRegion === undefined || env.region === undefined) {
      return [];
    }
    const pool = partitionOf(this._poolRegion);
    const stack = partitionOf(env.region);
    if (pool === undefined || stack === undefined || pool === stack) {
      return [];
    }
    // Partitions are isolated: STS of one partition does not accept another partition's tokens.
    return [`the identity pool ${this._audiences[0]} is in partition ${pool}, but the role's stack is in ${env.region} (partition ${stack}); `
      + 'an identity pool can only give credentials for roles of its own partition'];
  }

  /** @internal */
  public _statements(scope: IConstruct): TrustStatement[] {
    const provider = this._provider ?? BUILTIN_PROVIDERS[cognitoPrincipalOf(this.cognitoRegion(scope) ?? '')];
    let conditions = addCondition(this._extraConditions, 'StringEquals', provider.audienceKey, this._audiences);
    if (this._subjects.length > 0) {
      conditions = addCondition(conditions, 'StringEquals', provider.subjectKey, this._subjects);
    }
    if (this._originalAudiences.length > 0) {
      conditions = addCondition(conditions, 'StringEquals', GOOGLE_ORIGINAL_AUDIENCE_KEY, this._originalAudiences);
    }
    if (this._amr.length > 0) {
      // amr is multivalued: "authenticated" comes with the login providers used
      // (https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html).
      conditions = addCondition(conditions, 'ForAnyValue:StringLike', `${provider.principal}:amr`, this._amr);
    }
    return [{ kind: 'Federated', principals: [provider.principal], actions: this._finish(['sts:AssumeRoleWithWebIdentity']), conditions }];
  }

  /** The Region whose Cognito principal applies: the pool's, else the stack's when known. */
  private cognitoRegion(scope: IConstruct): string | undefined {
    if (this._poolRegion !== undefined) {
      return this._poolRegion;
    }
    const region = Stack.of(scope).region;
    return Token.isUnresolved(region) ? undefined : region;
  }
}

/** `<what> "<value>" <rule>` for each literal value that breaks the rule. */
function ruleProblems(what: string, values: string[], rule: InputRule): string[] {
  return values.filter((v) => !Token.isUnresolved(v) && !matches(rule, v)).map((v) => `${what} ${JSON.stringify(v)} ${rule.rule}`);
}

/** An optional list given empty: leave it out for "any", or name at least one. */
function listProblems(label: string, field: string, values: string[] | undefined): string[] {
  return values !== undefined && values.length === 0 ? [`${label}: ${field} is empty; leave it out to allow any, or name at least one`] : [];
}

// The declared fields above, read-only, from the value's fields (see private/trust-fields.ts).
readFromFields(BuiltinWebIdentityTrust, ['_label', '_provider', '_audiences', '_subjects', '_originalAudiences', '_amr', '_poolRegion']);
