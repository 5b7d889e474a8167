import { IConstruct } from 'constructs';
import { StackEnv } from '../private/stack-env';
import { addCondition, Conditions, TrustStatement, unique } from '../private/statement';
import { fieldsOf, readFromFields, withFields } from '../private/trust-fields';

/**
 * A trust relationship: who may assume a role, with which action, under which conditions.
 *
 * Values are immutable: every `with...` method returns a new value and leaves the receiver
 * unchanged, so one value can be shared between roles safely. Create them with the factories
 * of `Trust`.
 */
export abstract class TrustRelationship {
  /** @internal */
  declare public readonly _extraActions: string[];
  /** @internal */
  declare public readonly _extraConditions: Conditions;
  /** @internal */
  declare public readonly _problems: string[];

  constructor() {
    // The fields every kind has; each kind's constructor adds its own (see private/trust-fields.ts).
    withFields(this, { _extraActions: [], _extraConditions: {}, _problems: [] });
  }

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
   * A copy of this value with some fields replaced. Its fields are read-only (getters), and the
   * copy stays extensible: jsii tags every object it hands to Python, Java or .NET with a hidden
   * property, and fails on a frozen (non-extensible) one.
   * @internal
   */
  public _with(patch: object): this {
    // Object.assign, not spreads: V8 copies these objects of varied shapes several times faster so.
    return withFields(Object.create(Object.getPrototypeOf(this)), Object.assign({}, fieldsOf(this), patch));
  }

  /** @internal */
  protected _finish(actions: string[]): string[] {
    return unique([...actions, ...this._extraActions]);
  }
}

// The declared fields above, read-only, from the value's fields (see private/trust-fields.ts).
readFromFields(TrustRelationship, ['_extraActions', '_extraConditions', '_problems']);
