import { IConstruct } from 'constructs';
import { StackEnv } from '../private/stack-env';
import { addCondition, Conditions, TrustStatement, unique } from '../private/statement';

/**
 * A trust relationship: who may assume a role, with which action, under which conditions.
 *
 * Values are immutable: every `with...` method returns a new value and leaves the receiver
 * unchanged, so one value can be shared between roles safely. Create them with the factories
 * of `Trust`.
 */
export abstract class TrustRelationship {
  /** @internal */
  public readonly _extraActions: string[] = [];
  /** @internal */
  public readonly _extraConditions: Conditions = {};
  /** @internal */
  public readonly _problems: string[] = [];

  /**
   * Also allows `sts:TagSession`, so the caller may pass session tags (ABAC).
   */
  public withSessionTags(): TrustRelationship {
    return this._with({ _extraActions: unique([...this._extraActions, 'sts:TagSession']) });
  }

  /**
   * Also allows `sts:SetSourceIdentity`, so the caller may set a source identity that
   * CloudTrail records through role chaining.
   */
  public withSourceIdentity(): TrustRelationship {
    return this._with({ _extraActions: unique([...this._extraActions, 'sts:SetSourceIdentity']) });
  }

  /**
   * Adds a condition of your own to this relationship's statements only.
   *
   * Prefer the typed methods of each kind (`withExternalId`, `requireMfa`, ...); this is the
   * escape hatch for condition keys they do not cover.
   *
   * @param operator IAM condition operator, e.g. `StringEquals`
   * @param key condition key, e.g. `aws:PrincipalTag/team`
   * @param values values, ORed by IAM
   */
  public withCondition(operator: string, key: string, values: string[]): TrustRelationship {
    const problems = [...this._problems];
    if (!/^(ForAllValues:|ForAnyValue:)?[A-Za-z]+$/.test(operator)) {
      problems.push(`condition operator ${JSON.stringify(operator)} is not an IAM condition operator (e.g. StringEquals, ForAnyValue:StringLike)`);
    }
    if (values.length === 0) {
      problems.push(`condition ${operator} ${key} needs at least one value`);
    }
    return this._with({ _extraConditions: addCondition(this._extraConditions, operator, key, values), _problems: problems });
  }

  /**
   * A short description for messages, e.g. `Trust.service(lambda.amazonaws.com)`.
   */
  public abstract toString(): string;

  /**
   * Problems that depend on the role's stack (its account or region), e.g. an OIDC provider
   * of another account. Checked with `_problems` before `_statements` is called.
   * @internal
   */
  public _stackProblems(_env: StackEnv): string[] {
    return [];
  }

  /**
   * The relationships this value stands for, as a role lists them (`AssumableRole.trusts`):
   * itself, or for a trust policy given as JSON, the typed relationships its statements were
   * lifted into.
   * @internal
   */
  public _parts(): TrustRelationship[] {
    return [this];
  }

  /**
   * The statements this relationship contributes, before merging.
   * @internal
   */
  public abstract _statements(scope: IConstruct): TrustStatement[];

  /**
   * A copy of this value with some fields replaced. Its fields are read-only, but the object
   * stays extensible: jsii tags every object it hands to Python, Java or .NET with a hidden
   * property, and fails on a frozen (non-extensible) one.
   * @internal
   */
  public _with(patch: object): this {
    // One Object.create with every field's descriptor: half the cost of defining them one by one.
    // The descriptors are made straight from the receiver, then the patch replaces the values of
    // its fields (no merged copy of the fields first); the fields keep the order a spread
    // `{ ...this, ...patch }` would give them.
    const own = this as unknown as Record<string, unknown>;
    const changes = patch as Record<string, unknown>;
    const descriptors: PropertyDescriptorMap = {};
    const keys = Object.keys(own);
    for (let i = 0; i < keys.length; i++) {
      descriptors[keys[i]] = { value: own[keys[i]], enumerable: true, writable: false, configurable: false };
    }
    const patched = Object.keys(changes);
    for (let i = 0; i < patched.length; i++) {
      const key = patched[i];
      if (Object.prototype.hasOwnProperty.call(descriptors, key)) {
        descriptors[key].value = changes[key];
      } else {
        descriptors[key] = { value: changes[key], enumerable: true, writable: false, configurable: false };
      }
    }
    return Object.create(Object.getPrototypeOf(this), descriptors);
  }

  /** @internal */
  protected _finish(actions: string[]): string[] {
    return unique([...actions, ...this._extraActions]);
  }
}
