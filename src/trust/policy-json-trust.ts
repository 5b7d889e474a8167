import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { TrustRelationship } from './trust-relationship';
import { PolicyKind } from '../policy-kind';
import { policyInput, trustLifting } from '../private/lazy-features';
import { StackEnv } from '../private/stack-env';
import { Conditions, mergeConditions, TrustStatement, unique } from '../private/statement';
import { fieldsOf, readFromFields } from '../private/trust-fields';

/**
 * A whole trust policy written as JSON (`Trust.fromPolicyJson`), e.g. an operator's
 * `assumeRolePolicyDocument` or the file given to `aws iam create-role
 * --assume-role-policy-document`.
 *
 * Each statement whose shape a typed factory writes exactly (accounts, roles, a user,
 * services with their source conditions, an OIDC provider or EKS service accounts with `aud`
 * and `sub`, a SAML provider with `SAML:aud`, a Cognito identity pool, Google, Facebook or Login
 * with Amazon with their audience) is lifted into that typed relationship
 * (`liftedTrusts`); every other statement is kept as written (`verbatimStatements`). Both are
 * part of the role's trust policy, checked and counted against its size quota like any other.
 */
export class PolicyJsonTrust extends TrustRelationship {
  /**
   * Made by `Trust.fromPolicyJson`.
   * @internal
   */
  public static _create(json: unknown): PolicyJsonTrust {
    if (typeof json === 'string' && Token.isUnresolved(json)) {
      // A deploy-time document cannot be split into statements, checked or merged.
      return new PolicyJsonTrust([], [], ['the trust policy must be known when the app is synthesized, not a deploy-time value: '
        + 'give its JSON text or object (tokens may appear inside its strings)']);
    }
    const { document, problem } = policyInput().readPolicy(json, PolicyKind.TRUST);
    if (problem) {
      return new PolicyJsonTrust([], [], [problem]);
    }
    if (document.Version !== '2012-10-17' && JSON.stringify(document).includes('${')) {
      // The role's trust policy is written with Version 2012-10-17, where ${...} is a policy
      // variable; under 2008-10-17 (also IAM's default when Version is absent) it is literal text
      // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html).
      return new PolicyJsonTrust([], [], [`the document's Version is ${document.Version === undefined ? 'absent (IAM reads 2008-10-17)' : JSON.stringify(document.Version)}, `
        + 'under which ${...} is literal text, but the role\'s trust policy is written with Version 2012-10-17, where it is a policy variable: '
        + 'set "Version": "2012-10-17" if the variables are meant, or write the text without ${...}']);
    }
    const statements: unknown[] = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    const { liftStatement } = trustLifting();
    const lifted: TrustRelationship[] = [];
    const verbatim: Array<Record<string, unknown>> = [];
    for (const statement of statements) {
      const typed = liftStatement(statement);
      if (typed) {
        lifted.push(...typed);
      } else {
        verbatim.push(statement as Record<string, unknown>);
      }
    }
    return new PolicyJsonTrust(lifted, verbatim, []);
  }

  /** @internal */
  declare public readonly _lifted: TrustRelationship[];
  /** @internal */
  declare public readonly _verbatim: Array<Record<string, unknown>>;

  private constructor(lifted: TrustRelationship[], verbatim: Array<Record<string, unknown>>, problems: string[]) {
    super();
    const fields = fieldsOf(this);
    fields._lifted = lifted;
    fields._verbatim = verbatim;
    this._problems.push(...problems);
  }

  /**
   * The statements lifted into typed relationships (`AwsPrincipalTrust`, `ServiceTrust`,
   * `WebIdentityTrust`, `SamlTrust`, `BuiltinWebIdentityTrust`), in the order of the document.
   */
  public get liftedTrusts(): TrustRelationship[] {
    return [...this._lifted];
  }

  /**
   * The statements kept as written (ARN template placeholders not yet rendered), in the
   * order of the document.
   */
  public get verbatimStatements(): any[] {
    return this._verbatim.map((s) => JSON.parse(JSON.stringify(s)));
  }

  public toString(): string {
    if (this._lifted.length + this._verbatim.length === 0) {
      return 'Trust.fromPolicyJson(...)';
    }
    return `Trust.fromPolicyJson(${this._lifted.map((t) => t.toString()).concat(this._verbatim.map(() => 'verbatim statement')).join(', ')})`;
  }

  /**
   * The lifted relationships, with what was added to the whole document, then (when there
   * are any) the verbatim statements as a value of their own.
   * @internal
   */
  public _parts(): TrustRelationship[] {
    const typed = this._lifted.map((t) => t._with({
      _extraActions: unique([...t._extraActions, ...this._extraActions]),
      _extraConditions: mergeConditions(t._extraConditions, this._extraConditions),
    }));
    return this._verbatim.length > 0 ? [...typed, this._with({ _lifted: [] })] : typed;
  }

  /** @internal */
  public _stackProblems(env: StackEnv): string[] {
    return this._lifted.flatMap((t) => [...t._problems, ...t._stackProblems(env)]);
  }

  /** @internal */
  public _statements(scope: IConstruct): TrustStatement[] {
    // withSessionTags / withSourceIdentity / withCondition on the whole document apply to each
    // statement that allows, as they would to each typed relationship.
    const extraActions = this._extraActions;
    const extraConditions = this._extraConditions;
    const typed = this._lifted.flatMap((t) => t._statements(scope)).map((s) => ({
      ...s,
      actions: unique([...s.actions, ...extraActions]),
      conditions: mergeConditions(s.conditions, extraConditions),
    }));
    const kept = this._verbatim.map((s): TrustStatement => ({
      kind: 'AWS',
      principals: [],
      actions: [],
      conditions: {},
      verbatim: policyInput().renderTemplates(withExtras(s, extraActions, extraConditions)),
    }));
    return [...typed, ...kept];
  }
}

/** A verbatim Allow statement with the document-wide extra actions and conditions. */
function withExtras(statement: Record<string, unknown>, actions: string[], conditions: Conditions): Record<string, unknown> {
  if (statement.Effect !== 'Allow' || (actions.length === 0 && Object.keys(conditions).length === 0)) {
    return statement;
  }
  const out: Record<string, unknown> = { ...statement };
  if (actions.length > 0 && statement.Action !== undefined) {
    const own = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
    out.Action = unique([...own, ...actions]);
  }
  if (Object.keys(conditions).length > 0) {
    const merged: Record<string, Record<string, unknown>> = {};
    for (const [operator, block] of Object.entries((statement.Condition ?? {}) as Record<string, Record<string, unknown>>)) {
      merged[operator] = { ...block };
    }
    for (const [operator, block] of Object.entries(conditions)) {
      for (const [key, values] of Object.entries(block)) {
        const existing = merged[operator]?.[key];
        const own = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
        merged[operator] = { ...(merged[operator] ?? {}), [key]: unique([...own, ...values]) };
      }
    }
    out.Condition = merged;
  }
  return out;
}

// The declared fields above, read-only, from the value's fields (see private/trust-fields.ts).
readFromFields(PolicyJsonTrust, ['_lifted', '_verbatim']);
