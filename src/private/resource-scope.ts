import { Token } from 'aws-cdk-lib';
import { InputProblem, inputProblem } from './errors';
import { ACCOUNT_ID, breaks, matches, ORGANIZATION_ID, ORGANIZATION_ROOT_ID, ORGANIZATIONAL_UNIT_OR_ROOT_ID } from './rules';

/**
 * Where the roles a caller may assume live, as conditions on the role (the resource) of
 * `sts:AssumeRole`: its account's organization (`aws:ResourceOrgID`), its place in the
 * organization (`aws:ResourceOrgPaths`) and its account (`aws:ResourceAccount`). The three keys
 * are global condition keys of the resource's owner, present in the request context when that
 * account is in an organization (IAM User Guide, "AWS global condition context keys",
 * aws:ResourceOrgID, aws:ResourceOrgPaths, aws:ResourceAccount).
 */
export interface ResourceScope {
  readonly organizationId?: string;
  /** Organizational unit IDs or root IDs of `organizationId`. */
  readonly organizationalUnitIds?: string[];
  readonly accounts?: string[];
  readonly excludedAccounts?: string[];
}

/** The prop names a caller of `resourceScopeProblems` uses, for messages. */
export interface ResourceScopeFields {
  readonly organizationId: string;
  readonly organizationalUnitIds: string;
  readonly accounts: string;
  readonly excludedAccounts: string;
}

/**
 * The `aws:ResourceOrgPaths` pattern of the accounts under an OU or root. An organization path
 * is `o-<org>/r-<root>/ou-<a>/ou-<b>/` down to the account's parent; OU IDs are unique within an
 * organization and each is a whole path segment, so `<org>/*` + `/<ou>/*` matches the OU and every
 * OU below it, and `<org>/<root>/*` the whole organization.
 */
export function orgPathPattern(organizationId: string, target: string): string {
  return matches(ORGANIZATION_ROOT_ID, target) ? `${organizationId}/${target}/*` : `${organizationId}/*/${target}/*`;
}

/** Whether an ARN (template) names roles of any account: a wildcard in its account field. */
export function hasWildcardAccount(arn: string): boolean {
  const account = arn.split(':')[4];
  return !Token.isUnresolved(arn) && account !== undefined && /[*?]/.test(account);
}

/** What is wrong with a resource scope, for the `roleArns` it narrows. */
export function resourceScopeProblems(scope: ResourceScope, roleArns: string[], fields: ResourceScopeFields): InputProblem[] {
  const problems: InputProblem[] = [];
  const { organizationId } = scope;
  if (organizationId !== undefined && breaks(ORGANIZATION_ID, organizationId)) {
    problems.push(inputProblem([fields.organizationId], organizationId, ORGANIZATION_ID.rule));
  }
  (scope.organizationalUnitIds ?? []).forEach((id, i) => {
    if (breaks(ORGANIZATIONAL_UNIT_OR_ROOT_ID, id)) {
      problems.push(inputProblem([fields.organizationalUnitIds, i], id, ORGANIZATIONAL_UNIT_OR_ROOT_ID.rule));
    }
  });
  if ((scope.organizationalUnitIds ?? []).length > 0 && organizationId === undefined) {
    problems.push(inputProblem([fields.organizationId], organizationId,
      `give the organization ID too: aws:ResourceOrgPaths begins with it, and OU and root IDs are unique only within one organization (${fields.organizationalUnitIds} is given)`));
  }
  for (const [field, list] of [[fields.accounts, scope.accounts], [fields.excludedAccounts, scope.excludedAccounts]] as const) {
    (list ?? []).forEach((id, i) => {
      if (breaks(ACCOUNT_ID, id)) {
        problems.push(inputProblem([field, i], id, ACCOUNT_ID.rule));
      }
    });
  }
  roleArns.forEach((arn, i) => {
    if (hasWildcardAccount(arn) && organizationId === undefined && (scope.accounts ?? []).length === 0) {
      problems.push(inputProblem(['roleArns', i], arn,
        `a wildcard account matches roles of that name in every AWS account that trusts the grantees; narrow it with ${fields.organizationId} (aws:ResourceOrgID) or ${fields.accounts} (aws:ResourceAccount)`));
    }
  });
  return problems;
}

/** The condition block of a statement limited to the scope; empty when nothing narrows it. */
export function resourceScopeConditions(scope: ResourceScope): { [operator: string]: { [key: string]: string | string[] } } {
  const conditions: { [operator: string]: { [key: string]: string | string[] } } = {};
  const add = (operator: string, key: string, values: string[]) => {
    const distinct = [...new Set(values)];
    if (distinct.length > 0) {
      // One value as a string, as IAM documents single-valued keys; lists for set operators.
      const value = distinct.length === 1 && !operator.startsWith('ForAnyValue:') ? distinct[0] : distinct;
      conditions[operator] = { ...(conditions[operator] ?? {}), [key]: value };
    }
  };
  if (scope.organizationId !== undefined) {
    add('StringEquals', 'aws:ResourceOrgID', [scope.organizationId]);
    // aws:ResourceOrgPaths is multivalued: ForAnyValue with StringLike for the wildcards.
    add('ForAnyValue:StringLike', 'aws:ResourceOrgPaths', (scope.organizationalUnitIds ?? []).map((id) => orgPathPattern(scope.organizationId!, id)));
  }
  add('StringEquals', 'aws:ResourceAccount', scope.accounts ?? []);
  add('StringNotEquals', 'aws:ResourceAccount', scope.excludedAccounts ?? []);
  return conditions;
}
