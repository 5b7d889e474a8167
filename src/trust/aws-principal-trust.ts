import { Duration } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { TrustRelationship } from './trust-relationship';
import { renderArn } from '../private/arn-values';
import { addCallerConditions, mfaMaxAge, principalArnProblem } from '../private/caller-conditions';
import { breaks, EXTERNAL_ID, ORGANIZATION_ID } from '../private/rules';
import { addCondition, Conditions, TrustStatement, unique } from '../private/statement';
import { fieldsOf, readFromFields } from '../private/trust-fields';


/**
 * Trust in AWS principals (the `AWS` element of a trust policy): whole accounts, IAM roles or
 * IAM users, in this or other accounts. Services, OIDC and SAML identities have trusts of
 * their own (`ServiceTrust`, `WebIdentityTrust`, `SamlTrust`).
 *
 * Narrow it with `withExternalId`, `requireMfa`, `withPrincipalArn` or `withinOrganization`;
 * those conditions apply to these principals only.
 */
export class AwsPrincipalTrust extends TrustRelationship {
  /**
   * Made by the `Trust` factories.
   * @internal
   */
  public static _create(label: string, principals: string[], problems: string[]): AwsPrincipalTrust {
    return new AwsPrincipalTrust(label, principals, problems);
  }

  /** @internal */
  declare public readonly _principals: string[];
  /** @internal */
  declare public readonly _label: string;
  /** @internal */
  declare public readonly _externalIds: string[];
  /** @internal */
  declare public readonly _mfa: boolean;
  /** @internal */
  declare public readonly _mfaMaxAgeSeconds?: number;
  /** @internal */
  declare public readonly _principalArnPatterns: string[];
  /** @internal */
  declare public readonly _organizationIds: string[];

  private constructor(label: string, principals: string[], problems: string[]) {
    super();
    const fields = fieldsOf(this);
    fields._externalIds = [];
    fields._mfa = false;
    fields._principalArnPatterns = [];
    fields._organizationIds = [];
    fields._label = label;
    fields._principals = unique(principals);
    this._problems.push(...problems);
    if (principals.length === 0) {
      this._problems.push(`${label} needs at least one principal`);
    }
  }

  /**
   * Requires the caller to pass this ExternalId (`sts:ExternalId`), the usual guard when a
   * third party assumes a role in your account.
   *
   * @param externalId 2-1,224 characters of letters, digits and `+=,.@:/-_`
   */
  public withExternalId(externalId: string): AwsPrincipalTrust {
    return this.withExternalIds([externalId]);
  }

  /**
   * Accepts any one of these ExternalIds (`sts:ExternalId`, values ORed).
   *
   * @param externalIds each 2-1,224 characters of letters, digits and `+=,.@:/-_`
   */
  public withExternalIds(externalIds: string[]): AwsPrincipalTrust {
    const problems = [...this._problems];
    if (externalIds.length === 0) {
      problems.push('withExternalIds needs at least one ExternalId');
    }
    for (const id of externalIds) {
      if (breaks(EXTERNAL_ID, id)) {
        problems.push(`ExternalId ${JSON.stringify(id)} must be 2-1,224 characters of letters, digits and +=,.@:/-_ (sts:ExternalId)`);
      }
    }
    return this._with({ _externalIds: unique([...this._externalIds, ...externalIds]), _problems: problems });
  }

  /**
   * Requires that the caller signed in with MFA (`aws:MultiFactorAuthPresent`), and
   * optionally that it did so recently (`aws:MultiFactorAuthAge`).
   *
   * @param maxAge the longest time since MFA sign-in
   * @default - MFA required, at any age
   */
  public requireMfa(maxAge?: Duration): AwsPrincipalTrust {
    const { seconds, problem } = mfaMaxAge(maxAge);
    return this._with({ _mfa: true, _mfaMaxAgeSeconds: seconds, _problems: problem ? [...this._problems, problem] : this._problems });
  }

  /**
   * Allows only callers whose ARN matches the pattern (`aws:PrincipalArn` with `ArnLike`),
   * e.g. trust an account but only its roles under `/deployers/`.
   *
   * @param pattern an ARN or ARN template; `*` and `?` are wildcards
   */
  public withPrincipalArn(pattern: string): AwsPrincipalTrust {
    const problem = principalArnProblem(pattern);
    return this._with({
      _principalArnPatterns: unique([...this._principalArnPatterns, pattern]),
      _problems: problem ? [...this._problems, problem] : this._problems,
    });
  }

  /**
   * Allows only callers from accounts of this AWS Organizations organization
   * (`aws:PrincipalOrgID`).
   *
   * @param organizationId e.g. `o-a1b2c3d4e5`
   */
  public withinOrganization(organizationId: string): AwsPrincipalTrust {
    const problems = [...this._problems];
    if (breaks(ORGANIZATION_ID, organizationId)) {
      problems.push(`organization ID ${JSON.stringify(organizationId)} must match ${ORGANIZATION_ID.pattern}`);
    }
    return this._with({ _organizationIds: unique([...this._organizationIds, organizationId]), _problems: problems });
  }

  public toString(): string {
    return `${this._label}(${this._principals.join(', ')})`;
  }

  /** @internal */
  public _statements(_scope: IConstruct): TrustStatement[] {
    let conditions: Conditions = this._extraConditions;
    if (this._externalIds.length > 0) {
      conditions = addCondition(conditions, 'StringEquals', 'sts:ExternalId', this._externalIds);
    }
    conditions = addCallerConditions(conditions, this);
    if (this._organizationIds.length > 0) {
      conditions = addCondition(conditions, 'StringEquals', 'aws:PrincipalOrgID', this._organizationIds);
    }
    return [{
      kind: 'AWS',
      principals: this._principals.map(renderArn),
      actions: this._finish(['sts:AssumeRole']),
      conditions,
    }];
  }
}

// The declared fields above, read-only, from the value's fields (see private/trust-fields.ts).
readFromFields(AwsPrincipalTrust, ['_principals', '_label', '_externalIds', '_mfa', '_mfaMaxAgeSeconds', '_principalArnPatterns', '_organizationIds']);
