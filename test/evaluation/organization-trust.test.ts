/**
 * Who may assume a role trusting an organization or some of its organizational units
 * (`Trust.organization`, `Trust.organizationalUnits`): principals of member accounts, with the
 * organization ID and paths AWS puts in their request, and each with an identity policy of its own
 * (a trust in "*" delegates to the caller's account, as a trust in an account root does). Not
 * another organization, an account outside the units, a principal with no organization, an
 * organization whose ID only starts like the trusted one, nor a service.
 *
 * `aws:PrincipalOrgPaths` of an account is `<org>/<root>/<ou>/.../` down to its parent; the key is
 * multivalued and present only for members of an organization (IAM global condition keys).
 */
import { Duration } from 'aws-cdk-lib';
import { allow, ASSUME_ALL, deny, describeCases, HOME, ORG, OTHER_ORG, PARTNER, PARTNER_2, STRANGER } from './evaluation-fixtures';
import { AssumableRole, Trust, TrustRelationship } from '../../src';
import { newStack } from '../support/stacks';
import { Callers, IamCaller } from '../support/trust-evaluator';

const ROOT = 'r-ab12';
const OU_WORKLOADS = 'ou-ab12-11111111';
const OU_PROD = 'ou-ab12-33333333';
const OU_SANDBOX = 'ou-ab12-22222222';
/** The trusted organization's ID with one more character: an organization of its own. */
const LONGER_ORG = `${ORG}f`;

type Where = { organizationId: string; path: string };
const IN_WORKLOADS: Where = { organizationId: ORG, path: `${ORG}/${ROOT}/${OU_WORKLOADS}/` };
const IN_PROD_UNDER_WORKLOADS: Where = { organizationId: ORG, path: `${ORG}/${ROOT}/${OU_WORKLOADS}/${OU_PROD}/` };
const IN_SANDBOX: Where = { organizationId: ORG, path: `${ORG}/${ROOT}/${OU_SANDBOX}/` };
const UNDER_ROOT: Where = { organizationId: ORG, path: `${ORG}/${ROOT}/` };
/** An account of another organization, in a unit with the same ID as the trusted one (OU IDs repeat across organizations). */
const OTHER_ORG_SAME_OU: Where = { organizationId: OTHER_ORG, path: `${OTHER_ORG}/${ROOT}/${OU_WORKLOADS}/` };
const IN_LONGER_ORG: Where = { organizationId: LONGER_ORG, path: `${LONGER_ORG}/${ROOT}/${OU_WORKLOADS}/` };

/** A role session of an account that is where `where` says in AWS Organizations. */
function member(account: string, name: string, where: Where, options: Partial<IamCaller> = {}): IamCaller {
  return Callers.role(account, name, { ...options, organizationId: where.organizationId, context: { 'aws:PrincipalOrgPaths': [where.path], ...options.context } });
}

function roleTrusting(trust: TrustRelationship) {
  return () => {
    const stack = newStack();
    return { stack, role: new AssumableRole(stack, 'Org', { trust: [trust] }) };
  };
}

describeCases('a role trusting an organization', roleTrusting(Trust.organization(ORG)), [
  allow('a role of a member account', member(PARTNER, 'ci', IN_WORKLOADS)),
  allow('a role of another member account, directly under the root', member(PARTNER_2, 'ops', UNDER_ROOT)),
  allow('a user of a member account', Callers.user(PARTNER, 'alice', { organizationId: ORG, context: { 'aws:PrincipalOrgPaths': [IN_WORKLOADS.path] } })),
  allow('a role of the role\'s own account, in the organization', member(HOME, 'admin', UNDER_ROOT)),
  deny('a role of a member account without an identity policy allowing it', member(PARTNER, 'ci', IN_WORKLOADS, { identityPolicies: [] })),
  deny('a role of another organization', member(STRANGER, 'ci', OTHER_ORG_SAME_OU)),
  deny('a role of an organization whose ID extends the trusted one', member(STRANGER, 'ci', IN_LONGER_ORG)),
  deny('a role of an account in no organization', Callers.role(STRANGER, 'ci')),
  deny('a role of a member account passing session tags (not enabled)', member(PARTNER, 'ci', IN_WORKLOADS), ['sts:AssumeRole', 'sts:TagSession']),
  deny('a service', Callers.service('lambda.amazonaws.com')),
]);

describeCases('a role trusting an organizational unit', roleTrusting(Trust.organizationalUnits(ORG, [OU_WORKLOADS])), [
  allow('a role of an account directly in the unit', member(PARTNER, 'ci', IN_WORKLOADS)),
  allow('a role of an account in a unit below it', member(PARTNER_2, 'ci', IN_PROD_UNDER_WORKLOADS)),
  deny('a role of an account in another unit of the organization', member(PARTNER, 'ci', IN_SANDBOX)),
  deny('a role of an account directly under the root', member(PARTNER, 'ci', UNDER_ROOT)),
  deny('a role of another organization, in a unit with the same ID', member(STRANGER, 'ci', OTHER_ORG_SAME_OU)),
  deny('a role of an organization whose ID extends the trusted one, in a unit with the same ID', member(STRANGER, 'ci', IN_LONGER_ORG)),
  deny('a role of an account in no organization', Callers.role(STRANGER, 'ci')),
  deny('a role in the unit without an identity policy allowing it', member(PARTNER, 'ci', IN_WORKLOADS, { identityPolicies: [] })),
  deny('a service', Callers.service('lambda.amazonaws.com')),
]);

describeCases('a role trusting two units', roleTrusting(Trust.organizationalUnits(ORG, [OU_PROD, OU_SANDBOX])), [
  allow('a role in the first unit', member(PARTNER, 'ci', IN_PROD_UNDER_WORKLOADS)),
  allow('a role in the second unit', member(PARTNER_2, 'ci', IN_SANDBOX)),
  deny('a role in the parent of the first unit', member(PARTNER, 'ci', IN_WORKLOADS)),
]);

describeCases('a role trusting the deployer roles of every account of an organization, with MFA and session tags',
  roleTrusting(Trust.organization(ORG).withPrincipalArn('arn:{partition}:iam::*:role/deployer').requireMfa(Duration.hours(1)).withSessionTags()), [
    allow('a deployer of a member account, MFA a minute old, with session tags', member(PARTNER, 'deployer', IN_WORKLOADS, { mfaAgeSeconds: 60 }), ['sts:AssumeRole', 'sts:TagSession']),
    allow('a deployer of another member account', member(PARTNER_2, 'deployer', UNDER_ROOT, { mfaAgeSeconds: 60 })),
    deny('a deployer without MFA', member(PARTNER, 'deployer', IN_WORKLOADS)),
    deny('a deployer, MFA two hours old', member(PARTNER, 'deployer', IN_WORKLOADS, { mfaAgeSeconds: 7200 })),
    deny('another role of a member account', member(PARTNER, 'admin', IN_WORKLOADS, { mfaAgeSeconds: 60 })),
    deny('a role whose name extends deployer', member(PARTNER, 'deployer-old', IN_WORKLOADS, { mfaAgeSeconds: 60 })),
    deny('a deployer under a path', member(PARTNER, 'deployer', IN_WORKLOADS, { mfaAgeSeconds: 60, path: '/ci/' })),
    deny('a deployer of another organization', member(STRANGER, 'deployer', OTHER_ORG_SAME_OU, { mfaAgeSeconds: 60 })),
    deny('the whole call with source identity (not enabled)', member(PARTNER, 'deployer', IN_WORKLOADS, { mfaAgeSeconds: 60 }), ASSUME_ALL),
  ]);
