import { IConstruct } from 'constructs';
import { OidcIssuer } from './oidc-issuer';
import { TrustRelationship } from './trust-relationship';
import { StackEnv } from '../private/stack-env';
import { addCondition, TrustStatement, unique } from '../private/statement';
import { fieldsOf, readFromFields } from '../private/trust-fields';
import { hasWildcard } from '../private/web-identity';

/**
 * Trust in identities of an OpenID Connect provider (EKS service accounts, GitHub Actions
 * workflows, any OIDC issuer), assumed with `sts:AssumeRoleWithWebIdentity`.
 *
 * Every statement requires the token's audience (`<issuer>:aud`) and subject
 * (`<issuer>:sub`). Exact subjects are compared with `StringEquals`; subjects with `*` or `?`
 * go to a separate statement with `StringLike`, because one statement holding both operators
 * for the same key would require both to match.
 */
export class WebIdentityTrust extends TrustRelationship {
  /**
   * Made by the `Trust` factories.
   * @internal
   */
  public static _create(label: string, issuer: OidcIssuer, subjects: string[], audiences: string[], problems: string[]): WebIdentityTrust {
    return new WebIdentityTrust(label, issuer, subjects, audiences, problems);
  }

  /** @internal */
  declare public readonly _issuer: OidcIssuer;
  /** @internal */
  declare public readonly _subjects: string[];
  /** @internal */
  declare public readonly _audiences: string[];
  /** @internal */
  declare public readonly _label: string;

  private constructor(label: string, issuer: OidcIssuer, subjects: string[], audiences: string[], problems: string[]) {
    super();
    const fields = fieldsOf(this);
    fields._label = label;
    fields._issuer = issuer;
    fields._subjects = unique(subjects);
    fields._audiences = unique(audiences);
    this._problems.push(...problems);
    if (issuer._problem) {
      this._problems.push(`OIDC provider: ${issuer._problem}`);
    }
    if (subjects.length === 0) {
      this._problems.push(`${label} needs at least one subject; without a "sub" condition every identity of the issuer could assume the role`);
    }
    if (audiences.length === 0) {
      this._problems.push(`${label} needs at least one audience ("aud")`);
    }
  }

  /**
   * Accepts tokens issued for these audiences instead of the default.
   *
   * @param audiences the `aud` values
   */
  public withAudiences(audiences: string[]): WebIdentityTrust {
    const problems = audiences.length === 0 ? [...this._problems, `${this._label} needs at least one audience ("aud")`] : this._problems;
    return this._with({ _audiences: unique(audiences), _problems: problems });
  }

  /**
   * The OIDC provider this relationship trusts.
   */
  public get issuer(): OidcIssuer {
    return this._issuer;
  }

  /**
   * The `sub` values (or patterns) this relationship accepts.
   */
  public get subjects(): string[] {
    return [...this._subjects];
  }

  public toString(): string {
    return `${this._label}(${this._subjects.join(', ')})`;
  }

  /** @internal */
  public _stackProblems(env: StackEnv): string[] {
    const providerAccount = /^arn:[^:]+:iam::(\d{12}):oidc-provider\//.exec(this._issuer.providerArn)?.[1];
    if (providerAccount && env.account !== undefined && providerAccount !== env.account) {
      // STS accepts a web identity only through a provider of the role's own account.
      return [`the OIDC provider ${this._issuer.providerArn} is in account ${providerAccount}, but the role is in account ${env.account}; `
        + `STS accepts web identities only through an OIDC provider in the role's own account: create the provider in ${env.account} (or write the ARN with {account})`];
    }
    return [];
  }

  /** @internal */
  public _statements(_scope: IConstruct): TrustStatement[] {
    const issuer = this._issuer.issuer;
    const exact = this._subjects.filter((s) => !hasWildcard(s));
    const patterns = this._subjects.filter(hasWildcard);
    const audienceOperator = this._audiences.some(hasWildcard) ? 'StringLike' : 'StringEquals';
    const base = addCondition(this._extraConditions, audienceOperator, `${issuer}:aud`, this._audiences);
    const statements: TrustStatement[] = [];
    const principal = this._issuer.renderedProviderArn();
    const actions = this._finish(['sts:AssumeRoleWithWebIdentity']);
    if (exact.length > 0) {
      statements.push({ kind: 'Federated', principals: [principal], actions, conditions: addCondition(base, 'StringEquals', `${issuer}:sub`, exact) });
    }
    if (patterns.length > 0) {
      statements.push({ kind: 'Federated', principals: [principal], actions, conditions: addCondition(base, 'StringLike', `${issuer}:sub`, patterns) });
    }
    return statements;
  }
}

// The declared fields above, read-only, from the value's fields (see private/trust-fields.ts).
readFromFields(WebIdentityTrust, ['_issuer', '_subjects', '_audiences', '_label']);
