import { Duration } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { TrustRelationship } from './trust-relationship';
import { addCallerConditions, mfaMaxAge, principalArnProblem } from '../private/caller-conditions';
import { ORG_PATHS_OPERATOR, organizationalUnitPath } from '../private/organization-paths';
import { breaks, matches, ORGANIZATION_ID, ORGANIZATION_ROOT_ID, ORGANIZATIONAL_UNIT_ID } from '../private/rules';
import { addCondition, Conditions, TrustStatement, unique } from '../private/statement';
import { fieldsOf, readFromFields } from '../private/trust-fields';

/**
 * Trust in every IAM principal (role, user, account root) of the accounts of an AWS
 * Organizations organization, or of some of its organizational units: `Principal: {"AWS": "*"}`
 * narrowed by `aws:PrincipalOrgID` or `aws:PrincipalOrgPaths`. Accounts that join the
 * organization (or the units) are trusted without a change to the role; the trust policy stays
 * one short statement where a list of accounts would outgrow the 2,048-character quota.
 *
 * Both keys are in the request only when the caller's account is a member of an organization,
 * so callers outside any organization, and AWS service principals, never match
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid).
 * As for any trust in a whole account, each caller also needs `sts:AssumeRole` on the role in
 * its own identity policies. Narrow it further with `withPrincipalArn` (e.g. only roles named
 * `deployer`, in any account of the organization) and `requireMfa`.
 */
export class OrganizationTrust extends TrustRelationship {
  /**
   * Made by `Trust.organization` and `Trust.organizationalUnits`.
   * @internal
   */
  public static _create(organizationId: string, organizationalUnitIds: string[] | undefined): OrganizationTrust {
    return new OrganizationTrust(organizationId, organizationalUnitIds);
  }

  /** @internal */
  declare public readonly _label: string;
  /** @internal */
  declare public readonly _organizationId: string;
  /** @internal */
  declare public readonly _organizationalUnitIds: string[];
  /** @internal */
  declare public readonly _mfa: boolean;
  /** @internal */
  declare public readonly _mfaMaxAgeSeconds?: number;
  /** @internal */
  declare public readonly _principalArnPatterns: string[];

  private constructor(organizationId: string, organizationalUnitIds: string[] | undefined) {
    super();
    const fields = fieldsOf(this);
    fields._mfa = false;
    fields._principalArnPatterns = [];
    fields._label = organizationalUnitIds === undefined ? 'Trust.organization' : 'Trust.organizationalUnits';
    fields._organizationId = organizationId;
    fields._organizationalUnitIds = unique(organizationalUnitIds ?? []);
    this._problems.push(...organizationProblems(organizationId, organizationalUnitIds));
  }

  /**
   * The organization whose principals are trusted, e.g. `o-a1b2c3d4e5`.
   */
  public get organizationId(): string {
    return this._organizationId;
  }

  /**
   * The organizational units whose accounts (directly, or in units below them) are trusted;
   * empty when the whole organization is.
   */
  public get organizationalUnitIds(): string[] {
    return [...this._organizationalUnitIds];
  }

  /**
   * Allows only callers whose ARN matches the pattern (`aws:PrincipalArn` with `ArnLike`),
   * e.g. `arn:{partition}:iam::*:role/deployer` for the roles named `deployer` of every account
   * of the organization.
   *
   * @param pattern an ARN or ARN template; `*` and `?` are wildcards
   */
  public withPrincipalArn(pattern: string): OrganizationTrust {
    const problem = principalArnProblem(pattern);
    return this._with({
      _principalArnPatterns: unique([...this._principalArnPatterns, pattern]),
      _problems: problem ? [...this._problems, problem] : this._problems,
    });
  }

  /**
   * Requires that the caller signed in with MFA (`aws:MultiFactorAuthPresent`), and
   * optionally that it did so recently (`aws:MultiFactorAuthAge`).
   *
   * @param maxAge the longest time since MFA sign-in
   * @default - MFA required, at any age
   */
  public requireMfa(maxAge?: Duration): OrganizationTrust {
    const { seconds, problem } = mfaMaxAge(maxAge);
    return this._with({ _mfa: true, _mfaMaxAgeSeconds: seconds, _problems: problem ? [...this._problems, problem] : this._problems });
  }

  public toString(): string {
    return `${this._label}(${[this._organizationId, ...this._organizationalUnitIds].join(', ')})`;
  }

  /** @internal */
  public _statements(_scope: IConstruct): TrustStatement[] {
    let conditions: Conditions = this._extraConditions;
    if (this._organizationalUnitIds.length === 0) {
      conditions = addCondition(conditions, 'StringEquals', 'aws:PrincipalOrgID', [this._organizationId]);
    } else {
      // "<org>/*/<ou>/*" under ForAnyValue:StringLike: see private/organization-paths.ts.
      conditions = addCondition(conditions, ORG_PATHS_OPERATOR, 'aws:PrincipalOrgPaths',
        this._organizationalUnitIds.map((ou) => organizationalUnitPath(this._organizationId, ou)));
    }
    conditions = addCallerConditions(conditions, this);
    return [{ kind: 'AWS', principals: ['*'], actions: this._finish(['sts:AssumeRole']), conditions }];
  }
}

/**
 * What is wrong with an organization and its units. IDs follow the Organizations API reference:
 * organization `^o-[a-z0-9]{10,32}$`, unit `^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`, whose first part
 * is "the ID of the root that contains the OU"
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganizationalUnit.html),
 * so the units of one organization share it.
 */
function organizationProblems(organizationId: string, organizationalUnitIds: string[] | undefined): string[] {
  const problems: string[] = [];
  if (breaks(ORGANIZATION_ID, organizationId)) {
    problems.push(`organization ID ${JSON.stringify(organizationId)} ${ORGANIZATION_ID.rule}`);
  }
  if (organizationalUnitIds === undefined) {
    return problems;
  }
  if (organizationalUnitIds.length === 0) {
    problems.push('Trust.organizationalUnits needs at least one organizational unit ID (Trust.organization trusts the whole organization)');
  }
  for (const ou of organizationalUnitIds) {
    if (matches(ORGANIZATION_ROOT_ID, ou)) {
      problems.push(`${JSON.stringify(ou)} is the organization's root, not an organizational unit: trust the whole organization with Trust.organization(${JSON.stringify(organizationId)})`);
    } else if (breaks(ORGANIZATIONAL_UNIT_ID, ou)) {
      problems.push(`organizational unit ${JSON.stringify(ou)} ${ORGANIZATIONAL_UNIT_ID.rule}`);
    }
  }
  const roots = unique(organizationalUnitIds.filter((ou) => matches(ORGANIZATIONAL_UNIT_ID, ou)).map((ou) => ou.split('-')[1]));
  if (roots.length > 1) {
    problems.push(`organizational units ${organizationalUnitIds.map((ou) => JSON.stringify(ou)).join(', ')} are under different roots (ou-<root>-...), `
      + 'but an organization has one root: they cannot all be units of one organization');
  }
  return problems;
}

// The declared fields above, read-only, from the value's fields (see private/trust-fields.ts).
readFromFields(OrganizationTrust, ['_label', '_organizationId', '_organizationalUnitIds', '_mfa', '_mfaMaxAgeSeconds', '_principalArnPatterns']);
