/**
 * The `aws:PrincipalOrgPaths` pattern `Trust.organizationalUnits` writes for a unit, read back
 * by the lifting of JSON statements and by the review: written and read in one place.
 *
 * An account's path is `<org>/<root>/<ou>/.../` and the key is multivalued; AWS documents
 * `ForAnyValue:StringLike` with `/*` after the unit for the unit and every unit below it. An OU
 * ID is unique within its organization and an organization has one root, so `<org>/*\/<ou>/*`
 * is the unit wherever it sits; the organization ID comes first, as AWS recommends, because OU
 * IDs repeat across organizations
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths).
 */

/** The operator the pattern is compared with. */
export const ORG_PATHS_OPERATOR = 'ForAnyValue:StringLike';

/** The `aws:PrincipalOrgPaths` pattern of an organizational unit and the units below it. */
export function organizationalUnitPath(organizationId: string, organizationalUnitId: string): string {
  return `${organizationId}/*/${organizationalUnitId}/*`;
}

/** The organization and unit of a pattern `organizationalUnitPath` writes, or `undefined`. */
export function readOrganizationalUnitPath(pattern: string): { organizationId: string; organizationalUnitId: string } | undefined {
  const m = /^(o-[a-z0-9]+)\/\*\/(ou-[0-9a-z]+-[a-z0-9]+)\/\*$/.exec(pattern);
  return m ? { organizationId: m[1], organizationalUnitId: m[2] } : undefined;
}
