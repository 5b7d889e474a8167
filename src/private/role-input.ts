import { Token } from 'aws-cdk-lib';
import { InputProblem, inputProblem } from './errors';
import { podIdentityAssociationInput, policyInput, selfAssume } from './lazy-features';
import { AWS_MANAGED_POLICY_NAME, breaks, MANAGED_POLICY_ARN } from './rules';
import { servicePrincipalName } from './service-names';
import { ArnTemplate } from '../arn-template';
import { StackEnv } from './stack-env';
import { eksServiceAccountsTrust, serviceAccountSubjects } from './subjects';
import type { AssumableRoleProps } from '../roles/assumable-role';
import type { BoundedRoleProps } from '../roles/bounded-role';
import type { CrossAccountRoleProps } from '../roles/cross-account-role';
import type { IrsaRoleProps } from '../roles/irsa-role';
import type { ServiceRoleProps } from '../roles/service-role';
import { AwsPrincipalTrust } from '../trust/aws-principal-trust';
import { ServiceTrust } from '../trust/service-trust';
import { Trust } from '../trust/trust';
import { trustProblem } from '../trust/trust-policy';
import { TrustRelationship } from '../trust/trust-relationship';
import { descriptionRule, LIMITS, maxSessionRule, pathRule, policyNameRule, quotaRule, roleNameRule, tagRules } from '../validation/limits';

/**
 * The pure validators of the role constructs' props. Each returns every problem it finds,
 * in the order the constructs meet them; the constructs throw the first (`throwFirst`) and
 * the role catalog reports all of them, at the file, line and path of the entry. Where the
 * validation builds something the construct needs (the trust values), it returns that too, so
 * the construct builds from exactly what was validated.
 */

/** The problems of the props every assumable role takes. */
export function assumableRoleProblems(props: AssumableRoleProps, env: StackEnv): InputProblem[] {
  // Every role of an app passes here, and nearly every one is fine: plain conditions and loops,
  // no closure per prop, and a field's shown value is made only when it has a problem.
  const problems: InputProblem[] = [];
  if (props.roleName !== undefined) addProblem(problems, 'roleName', props.roleName, roleNameRule(props.roleName));
  if (props.path !== undefined) addProblem(problems, 'path', props.path, pathRule(props.path));
  if (props.description !== undefined) addProblem(problems, 'description', props.description, descriptionRule(props.description));
  if (props.maxSessionDuration !== undefined) {
    const problem = maxSessionRule(props.maxSessionDuration.toSeconds({ integral: false }));
    if (problem) addProblem(problems, 'maxSessionDuration', props.maxSessionDuration.toHumanString(), problem);
  }
  if (props.trustPolicySizeQuota !== undefined) {
    addProblem(problems, 'trustPolicySizeQuota', props.trustPolicySizeQuota,
      quotaRule(props.trustPolicySizeQuota, LIMITS.trustPolicyDefaultQuota, LIMITS.trustPolicyMaxQuota, 'trust policy size'));
  }
  if (props.managedPoliciesQuota !== undefined) {
    addProblem(problems, 'managedPoliciesQuota', props.managedPoliciesQuota,
      quotaRule(props.managedPoliciesQuota, LIMITS.managedPoliciesDefaultQuota, LIMITS.managedPoliciesMaxQuota, 'managed policies per role'));
  }
  // No tags, no tag problems (tagRules of an empty map finds none).
  const tagProblems = props.tags ? tagRules(props.tags) : NONE;
  if (tagProblems.length > 0) {
    problems.push(inputProblem(['tags'], props.tags, tagProblems.join('; ')));
  }
  if (props.permissionsBoundary?._problem) {
    problems.push(inputProblem(['permissionsBoundary'], props.permissionsBoundary.description, props.permissionsBoundary._problem));
  }
  const managedPolicyArns = props.managedPolicyArns ?? NONE;
  for (let i = 0; i < managedPolicyArns.length; i++) {
    const arn = managedPolicyArns[i];
    const problem = ArnTemplate.problemOf(arn) ?? (breaks(MANAGED_POLICY_ARN, arn) ? MANAGED_POLICY_ARN.rule : undefined);
    if (problem) problems.push(inputProblem(['managedPolicyArns', i], arn, problem));
  }
  const awsManagedPolicyNames = props.awsManagedPolicyNames ?? NONE;
  for (let i = 0; i < awsManagedPolicyNames.length; i++) {
    const name = awsManagedPolicyNames[i];
    if (!Token.isUnresolved(name) && (name.startsWith('arn:') || breaks(AWS_MANAGED_POLICY_NAME, name))) {
      problems.push(inputProblem(['awsManagedPolicyNames', i], name, AWS_MANAGED_POLICY_NAME.rule));
    }
  }
  if (props.inlinePolicies) {
    for (const name of Object.keys(props.inlinePolicies)) {
      const problem = policyNameRule(name);
      if (problem) problems.push(inputProblem(['inlinePolicies', name], name, problem));
    }
  }
  if (props.inlinePolicyJson) {
    for (const [name, json] of Object.entries(props.inlinePolicyJson)) {
      const path = ['inlinePolicyJson', name];
      const nameProblem = policyNameRule(name);
      if (nameProblem) {
        problems.push(inputProblem(path, name, nameProblem));
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(props.inlinePolicies ?? {}, name)) {
        problems.push(inputProblem(path, name, 'an inline policy of this name is also given in inlinePolicies; policy names must be unique per role'));
        continue;
      }
      const { problem, documentProblems } = policyInput().readIdentityPolicy(json);
      if (problem) {
        problems.push({ ...inputProblem(path, json, problem), documentProblems });
      }
    }
  }
  const trust = props.trust ?? NONE;
  for (let i = 0; i < trust.length; i++) {
    const problem = trustProblem(trust[i], env);
    if (problem) problems.push(inputProblem(['trust', i], trust[i] instanceof TrustRelationship ? trust[i].toString() : trust[i], problem, `trust[${i}]`));
  }
  if (props.allowSelfAssume) {
    problems.push(...selfAssume().selfAssumeProblems(props));
  }
  if ((props.podIdentityAssociations ?? NONE).length > 0) {
    problems.push(...podIdentityAssociationInput().podIdentityAssociationsProblems(props.podIdentityAssociations!));
  }
  return problems;
}

/** Shared stand-in for a list that is not given: read only, never returned. */
const NONE: readonly never[] = [];

/** Adds the problem of one field, if it has one. */
function addProblem(problems: InputProblem[], field: string, shown: unknown, problem: string | undefined): void {
  if (problem) problems.push(inputProblem([field], shown, problem));
}

/** The trust of a `ServiceRole`, and the problems of its own props. */
export function serviceRoleInput(props: ServiceRoleProps): { trust: ServiceTrust; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const services = Trust.services(props.services ?? []);
  let trust = props.restrictToSourceAccount ? services.withSourceAccount() : services;
  (props.sourceArns ?? []).forEach((arn, i) => {
    const next = trust.withSourceArn(arn);
    const added = next._problems.slice(trust._problems.length);
    if (added.length > 0) {
      problems.push(inputProblem(['sourceArns', i], arn, added.join('; '), 'sourceArns'));
    }
    trust = next;
  });
  if (services._problems.length > 0) {
    problems.push(inputProblem(['services'], services.toString(), services._problems.join('; ')));
  }
  if (props.instanceProfile && !(props.services ?? []).map(servicePrincipalName).includes('ec2.amazonaws.com')) {
    problems.push(inputProblem(['instanceProfile'], props.instanceProfile, 'an instance profile is for EC2: add "ec2" to services, or remove instanceProfile'));
  }
  return { trust, problems };
}

/** The props of `CrossAccountRole` that narrow its trusted principals. */
const CONDITION_PROPS = ['externalIds', 'requireMfa', 'mfaMaxAge', 'principalArnPatterns', 'organizationId', 'sessionTags', 'sourceIdentity'] as const;

/** The trusts of a `CrossAccountRole`, one per trusted principal with the conditions applied, and the problems of its own props. */
export function crossAccountRoleInput(props: CrossAccountRoleProps): { trusts: Array<[string, TrustRelationship]>; problems: InputProblem[] } {
  const principals: Array<[string, number, AwsPrincipalTrust]> = [
    ...(props.trustedAccounts ?? []).map((a, i) => ['trustedAccounts', i, Trust.account(a)] as [string, number, AwsPrincipalTrust]),
    ...(props.trustedRoleArns ?? []).map((r, i) => ['trustedRoleArns', i, Trust.role(r)] as [string, number, AwsPrincipalTrust]),
    ...(props.trustedUserArns ?? []).map((u, i) => ['trustedUserArns', i, Trust.user(u)] as [string, number, AwsPrincipalTrust]),
  ];
  const problems: InputProblem[] = [];
  if (principals.length === 0) {
    const given = CONDITION_PROPS.filter((p) => props[p] !== undefined && props[p] !== false
      && !(Array.isArray(props[p]) && (props[p] as unknown[]).length === 0));
    if (given.length > 0) {
      problems.push(inputProblem([given[0]], props[given[0]],
        'applies to trustedAccounts, trustedRoleArns and trustedUserArns, and none is given; set one of them, or put the condition on a value in `trust`'));
    }
  }
  if (props.requireMfa === false && props.mfaMaxAge !== undefined) {
    // aws:MultiFactorAuthAge is absent from requests of callers who did not sign in with MFA
    // (IAM User Guide, "Configuring MFA-protected API access"), so a max age requires MFA.
    problems.push(inputProblem(['requireMfa'], false,
      'is false, but an MFA max age requires MFA (aws:MultiFactorAuthAge is absent from requests without MFA); set requireMfa to true or leave it out, or remove the max age'));
  }
  const trusts: Array<[string, TrustRelationship]> = [];
  principals.forEach(([field, index, principal]) => {
    const narrowed = narrow(principal, props);
    // Condition problems do not depend on the principal: report them once.
    if (trusts.length === 0) problems.push(...narrowed.problems);
    if (principal._problems.length > 0) {
      problems.push(inputProblem([field, index], principal.toString(), principal._problems.join('; '), field));
    }
    trusts.push([field, narrowed.trust]);
  });
  return { trusts, problems };
}

/** Applies the condition props to one principal, each on its own so a problem names its prop. */
function narrow(principal: AwsPrincipalTrust, props: CrossAccountRoleProps): { trust: TrustRelationship; problems: InputProblem[] } {
  let t = principal;
  const problems: InputProblem[] = [];
  const apply = (path: Array<string | number>, value: unknown, step: (x: AwsPrincipalTrust) => AwsPrincipalTrust) => {
    const next = step(t);
    const added = next._problems.slice(t._problems.length);
    if (added.length > 0) problems.push(inputProblem(path, value, added.join('; '), String(path[0])));
    t = next;
  };
  if (props.externalIds?.length) {
    apply(['externalIds'], props.externalIds, (x) => x.withExternalIds(props.externalIds!));
  }
  if (props.requireMfa || props.mfaMaxAge) {
    apply(['mfaMaxAge'], props.mfaMaxAge?.toHumanString(), (x) => x.requireMfa(props.mfaMaxAge));
  }
  (props.principalArnPatterns ?? []).forEach((pattern, i) => {
    apply(['principalArnPatterns', i], pattern, (x) => x.withPrincipalArn(pattern));
  });
  if (props.organizationId !== undefined) {
    apply(['organizationId'], props.organizationId, (x) => x.withinOrganization(props.organizationId!));
  }
  let trust: TrustRelationship = t;
  if (props.sessionTags) trust = trust.withSessionTags();
  if (props.sourceIdentity) trust = trust.withSourceIdentity();
  return { trust, problems };
}

/** The trusts of an `IrsaRole`, one per issuer, and the problems of its own props. */
export function irsaRoleInput(props: IrsaRoleProps, env: StackEnv): { trusts: Array<[string, TrustRelationship]>; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const serviceAccounts = props.serviceAccounts ?? [];
  if ((props.issuers ?? []).length === 0) {
    problems.push(inputProblem(['issuers'], props.issuers, 'give at least one OIDC issuer, e.g. OidcIssuer.fromCluster(cluster)'));
  }
  if (serviceAccounts.length === 0) {
    problems.push(inputProblem(['serviceAccounts'], props.serviceAccounts, 'give at least one service account as "namespace:name"'));
  }
  // Checked once for every issuer; each account again on its own only when one is wrong, so the problem names its index.
  const accounts = serviceAccountSubjects(serviceAccounts);
  if (accounts.problems.length > 0) {
    serviceAccounts.forEach((sa, i) => {
      const found = serviceAccountSubjects([sa]).problems;
      if (found.length > 0) problems.push(inputProblem(['serviceAccounts', i], props.serviceAccounts, found.join('; '), 'serviceAccounts'));
    });
  }
  const trusts = (props.issuers ?? []).map((issuer, i): [string, TrustRelationship] => [`issuers[${i}]`, eksServiceAccountsTrust(issuer, accounts)]);
  if (problems.length === 0) {
    trusts.forEach(([field, trust], i) => {
      const problem = trustProblem(trust, env);
      if (problem) problems.push(inputProblem(['issuers', i], trust.toString(), problem, field));
    });
  }
  return { trusts, problems };
}

/** The problems of the props of a `BoundedRole` beyond those of every role. */
export function boundedRoleProblems(props: BoundedRoleProps): InputProblem[] {
  return props?.permissionsBoundary
    ? []
    : [inputProblem(['permissionsBoundary'], props?.permissionsBoundary, 'BoundedRole requires a permissions boundary, e.g. PermissionsBoundary.fromName("team-boundary")')];
}
