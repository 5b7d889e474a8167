/**
 * Trusted parties in plain words: who they are, and what their conditions ask. The sentences a
 * reviewer reads in a pull request, e.g. `account 222233334444 (root) with ExternalId
 * partner-7d1f3a and MFA within 1 h`, `GitHub Actions: repository acme/app, branch main`.
 */
import { builtinConditionWords, builtinNarrowsWho, builtinProviderOf, builtinWho } from './builtin-party-words';
import type { ConditionText, PartyCondition, PartyContext, PartyKind } from './trusted-party';
import { awsEvaluatesGitHubClaims, GITLAB_COM_ISSUER, HCP_TERRAFORM_AUDIENCE, HCP_TERRAFORM_ISSUER } from '../private/ci-issuers';
import { ORG_PATHS_OPERATOR, readOrganizationalUnitPath } from '../private/organization-paths';
import { GITHUB_ACTIONS_ISSUER, STS_AUDIENCE } from '../private/web-identity';

/** What service principals stand for, by the service's short name. */
const SERVICE_SUBJECTS: { [service: string]: string } = {
  'lambda': 'Lambda functions',
  'edgelambda': 'Lambda@Edge functions',
  'ec2': 'EC2 instances',
  'ecs-tasks': 'ECS tasks',
  'ecs': 'ECS',
  'states': 'Step Functions state machines',
  'events': 'EventBridge rules',
  'scheduler': 'EventBridge Scheduler schedules',
  'codebuild': 'CodeBuild projects',
  'codepipeline': 'CodePipeline pipelines',
  'cloudformation': 'CloudFormation stacks',
  'glue': 'Glue jobs',
  'sagemaker': 'SageMaker jobs and endpoints',
  'apigateway': 'API Gateway APIs',
  'firehose': 'Firehose streams',
  'pods.eks': 'EKS Pod Identity associations',
  'eks': 'EKS clusters',
  'batch': 'Batch compute environments',
  'backup': 'AWS Backup plans',
  'appsync': 'AppSync APIs',
  'logs': 'CloudWatch Logs',
  's3': 'S3 buckets',
  'sns': 'SNS topics',
  'bedrock': 'Bedrock',
};

/**
 * The session tags of EKS Pod Identity that name who the pod is, in words: singular for exact
 * values, plural "matching" for patterns (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html).
 */
const POD_IDENTITY_TAG_WORDS: { [key: string]: [string, string] } = {
  'aws:requesttag/eks-cluster-name': ['cluster', 'clusters'],
  'aws:requesttag/eks-cluster-arn': ['cluster', 'clusters'],
  'aws:requesttag/kubernetes-namespace': ['namespace', 'namespaces'],
  'aws:requesttag/kubernetes-service-account': ['service account', 'service accounts'],
};

/** Condition keys (lower case) whose words narrow who the party is. */
const WHO_KEYS = new Set(['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:principalaccount',
  ...Object.keys(POD_IDENTITY_TAG_WORDS)]);

/** Words for each condition of a party's statement. */
export function conditionWords(kind: PartyKind, principal: string, entries: ConditionText[], context: PartyContext): PartyCondition[] {
  const hasMfaAge = entries.some((e) => e.key.toLowerCase() === 'aws:multifactorauthage');
  return entries.map((e) => {
    const key = e.key.toLowerCase();
    const builtin = kind === 'web-identity' ? builtinProviderOf(principal) : undefined;
    const narrowsWho = builtin
      ? builtinNarrowsWho(builtin, e)
      : WHO_KEYS.has(key) || kind === 'web-identity' && (/:(sub|aud|amr)$/.test(key) || ciClaimWords(providerHost(principal), e) !== undefined);
    return { ...e, words: wordsOf(e, { hasMfaAge, context, kind, principal }), narrowsWho };
  });
}

/** What the words of a condition depend on besides the condition. */
interface WordsContext {
  /** Whether the statement also has `aws:MultiFactorAuthAge` (which says MFA already). */
  readonly hasMfaAge: boolean;
  readonly context: PartyContext;
  readonly kind: PartyKind;
  readonly principal: string;
}

function wordsOf({ operator, key: original, values }: ConditionText, { hasMfaAge, context, kind, principal }: WordsContext): string {
  const key = original.toLowerCase();
  const list = or(values);
  const negated = /Not/.test(operator);
  if (negated) return `${original} ${operator} ${list}`;
  switch (key) {
    case 'sts:externalid':
      return `ExternalId ${list}`;
    case 'aws:multifactorauthpresent':
      if (values.every((v) => v === 'true')) return hasMfaAge ? '' : 'MFA';
      return `${original} ${operator} ${list}`;
    case 'aws:multifactorauthage':
      return /^Numeric(LessThan|LessThanEquals)$/.test(operator) ? `MFA within ${duration(values[0])}` : `${original} ${operator} ${list}`;
    case 'aws:principalorgid':
      // "any principal of organization o-...", "account 1111... (root), in organization o-..."
      return kind === 'anyone' ? `of organization ${list}` : `in organization ${list}`;
    case 'aws:principalorgpaths':
      return organizationalUnitWords(values, operator) ?? `in organization path ${list}`;
    case 'aws:principalarn':
      return `only ${list}`;
    case 'aws:principalaccount':
      return `of account ${list}`;
    case 'aws:sourceaccount':
      return `of ${values.map((v) => accountWords(v, context)).join(' or ')}`;
    case 'aws:sourcearn':
      return `for ${list}`;
    case 'aws:sourceorgid':
      return `of organization ${list}`;
    case 'aws:sourceorgpaths':
      return `of organization path ${list}`;
    case 'sts:sourceidentity':
      return `source identity ${list}`;
    case 'saml:aud':
      return values.every((v) => /^https:\/\/signin\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)\/saml$/.test(v)) ? '' : `SAML audience ${list}`;
    default:
      break;
  }
  const builtin = kind === 'web-identity' ? builtinProviderOf(principal) : undefined;
  const builtinWords = builtin && builtinConditionWords(builtin, { operator, key: original, values });
  if (builtinWords !== undefined) return builtinWords;
  const tagWords = POD_IDENTITY_TAG_WORDS[key];
  if (tagWords && /^String(Equals|Like)$/.test(operator)) {
    return /Like$/.test(operator) && values.some((v) => /[*?]/.test(v)) ? `${tagWords[1]} matching ${list}` : `${tagWords[0]} ${list}`;
  }
  if (kind === 'web-identity' && key.endsWith(':sub')) return subjectWords(providerHost(principal), values, /Like$/.test(operator));
  if (kind === 'web-identity' && key.endsWith(':aud')) {
    const expected = providerHost(principal) === HCP_TERRAFORM_ISSUER ? HCP_TERRAFORM_AUDIENCE : STS_AUDIENCE;
    return values.every((v) => v === expected) ? '' : `audience ${list}`;
  }
  if (kind === 'web-identity' && !/Not/.test(operator)) {
    const words = ciClaimWords(providerHost(principal), { operator, key: original, values });
    if (words !== undefined) return words;
  }
  if (kind === 'web-identity' && key.endsWith(':amr')) return `${list} users`;
  return `${original} ${operator} ${list}`;
}

/** Who a party is, with the conditions that narrow it. */
export function partyWho(
  kind: PartyKind,
  principal: string,
  appRole: string | undefined,
  conditions: PartyCondition[],
  context: PartyContext,
): string {
  const narrowing = conditions.filter((c) => c.narrowsWho && c.words).map((c) => c.words);
  const shown = context.display(principal);
  switch (kind) {
    case 'anyone':
      return narrowing.length ? `any principal ${narrowing.join(', ')}` : 'anyone (any AWS principal, in any account)';
    case 'account': {
      const account = /(\d{12}|\{account\})/.exec(principal)?.[1] ?? shown;
      return withNarrowing(`${accountWords(account, context)} (root)`, narrowing);
    }
    case 'role':
      return withNarrowing(appRole ? `role ${appRole}` : `role ${nameIn(shown)} of ${accountWords(arnAccount(shown), context)}`, narrowing);
    case 'role-session':
      return withNarrowing(`sessions of role ${shown.split('/')[1] ?? shown} of ${accountWords(arnAccount(shown), context)}`, narrowing);
    case 'user':
      return withNarrowing(`user ${nameIn(shown)} of ${accountWords(arnAccount(shown), context)}`, narrowing);
    case 'service': {
      const short = /^(.+?)\.amazonaws\.com(\.cn)?$/.exec(shown)?.[1] ?? shown;
      const subject = SERVICE_SUBJECTS[short] ?? `the service ${shown}`;
      // Pod Identity narrowed by its session tags: `EKS Pod Identity: cluster prod, namespace payments`.
      if (short === 'pods.eks' && narrowing.length) return `EKS Pod Identity: ${narrowing.join(', ')}`;
      return narrowing.length ? `${subject} ${narrowing.join(', ')}` : `${subject} (${shown})`;
    }
    case 'saml':
      return withNarrowing(`SAML users of ${shown.split('saml-provider/')[1] ?? shown}`, narrowing);
    case 'web-identity': {
      const builtin = builtinProviderOf(shown);
      if (builtin) return builtinWho(builtin, conditions);
      // The subject first: it says who; the audience and the other claims narrow it.
      const subject = conditions.filter((c) => c.narrowsWho && c.words && /:sub$/i.test(c.key)).map((c) => c.words);
      return webIdentityWho(shown, [...subject, ...narrowing.filter((w) => !subject.includes(w))]);
    }
    default:
      return withNarrowing(shown, narrowing);
  }
}

/**
 * `in organizational unit ou-... (or a unit below it) of organization o-...`, for the patterns
 * `Trust.organizationalUnits` writes (all of one organization); `undefined` for any other path.
 */
function organizationalUnitWords(values: string[], operator: string): string | undefined {
  const units = values.map(readOrganizationalUnitPath);
  if (operator !== ORG_PATHS_OPERATOR || units.length === 0 || units.some((u) => !u) || new Set(units.map((u) => u!.organizationId)).size !== 1) {
    return undefined;
  }
  const ids = units.map((u) => u!.organizationalUnitId);
  const unitWords = ids.length === 1 ? `organizational unit ${ids[0]} (or a unit below it)` : `organizational units ${or(ids)} (or units below them)`;
  return `in ${unitWords} of organization ${units[0]!.organizationId}`;
}

function withNarrowing(who: string, narrowing: string[]): string {
  return narrowing.length ? `${who}, ${narrowing.join(', ')}` : who;
}

function webIdentityWho(principal: string, narrowing: string[]): string {
  const host = providerHost(principal);
  const subjects = narrowing.length ? narrowing.join(', ') : 'any subject';
  if (host === GITHUB_ACTIONS_ISSUER || /\/_services\/token$/.test(host)) return `GitHub Actions: ${subjects}`;
  if (/^oidc\.eks\.[^/]+\.amazonaws\.com(\.cn)?\/id\//.test(host)) return `EKS ${narrowing.length ? subjects : 'any service account'} of issuer ${host}`;
  if (host === GITLAB_COM_ISSUER) return `GitLab CI: ${subjects}`;
  if (/gitlab/.test(host)) return `GitLab CI of ${host}: ${subjects}`;
  if (host === 'app.terraform.io') return `HCP Terraform: ${subjects}`;
  return `users of OIDC provider ${host}: ${subjects}`;
}

/** The issuer host (and path) of a web-identity principal. */
function providerHost(principal: string): string {
  return principal.split(':oidc-provider/')[1] ?? principal;
}

function subjectWords(host: string, values: string[], like: boolean): string {
  if (host === GITHUB_ACTIONS_ISSUER || /\/_services\/token$/.test(host)) return or(values.map(githubSubject));
  if (values.every((v) => /^project_path:/.test(v))) return or(values.map(gitLabSubject));
  if (values.every((v) => /^organization:/.test(v))) return or(values.map(terraformSubject));
  if (/^oidc\.eks\./.test(host)) {
    return or(values.map((v) => {
      const m = /^system:serviceaccount:([^:]+):(.+)$/.exec(v);
      if (!m) return `subject ${v}`;
      return /[*?]/.test(v) && like ? `service accounts matching ${m[1]}/${m[2]}` : `service account ${m[1]}/${m[2]}`;
    }));
  }
  return `subject ${or(values)}`;
}

/** The claim keys a GitHub subject may start with (its default `repo`, or a customized template's first key). */
const GITHUB_SUBJECT_KEYS = /^(repo|repository_owner|repository_owner_id|repository_id|job_workflow_ref|environment|repository_visibility|repo_property_\w+):/;

/**
 * A GitHub Actions `sub` claim in words: `repository acme/app, branch main`. The default and
 * immutable formats and customized templates are read field by field (`key:value`, `context` being
 * `ref:<ref>`, `environment:<name>` or `pull_request`; https://docs.github.com/en/actions/reference/security/oidc).
 */
function githubSubject(sub: string): string {
  if (!GITHUB_SUBJECT_KEYS.test(sub)) return sub === '*' ? 'any repository, any ref' : `subject ${sub}`;
  const tokens = sub.split(':');
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i];
    if (key === '*') {
      words.push('any branch, tag, environment or pull request');
    } else if (key === 'pull_request') {
      words.push('pull requests');
    } else if (i + 1 >= tokens.length) {
      words.push(key);
    } else {
      const value = tokens[++i].replace(/%3A/g, ':');
      words.push(key === 'repo' ? gitHubRepositoryWords(value) : gitHubClaimWords(key, [value]));
    }
  }
  return words.join(', ');
}

/** `repository acme/app`, `any repository of acme`, with the IDs of the immutable format: `repository acme/app (owner ID 1, repository ID 2)`. */
function gitHubRepositoryWords(repo: string): string {
  const m = /^([^/@]*)(?:@([^/]*))?\/?([^@]*)(?:@(.*))?$/.exec(repo);
  const [owner, ownerId, name, repoId] = m ? [m[1], m[2], m[3], m[4]] : [repo, undefined, '', undefined];
  const ids = [ownerId !== undefined ? `owner ID ${ownerId}` : '', repoId !== undefined ? `repository ID ${repoId}` : ''].filter((w) => w).join(', ');
  const words = repo === '*' || name === '*' || name === '' && owner.endsWith('*') ? `any repository of ${owner.replace(/\*$/, '') || 'any owner'}` : `repository ${owner}/${name}`;
  return ids ? `${words} (${ids})` : words;
}

/** A claim of a GitHub token in words, for the subject's fields and the claims AWS STS evaluates. */
function gitHubClaimWords(claim: string, values: string[]): string {
  switch (claim) {
    case 'ref': return or(values.map(refWords));
    case 'environment': return values.every((v) => v === '*') ? 'any environment' : `environment ${or(values)}`;
    case 'repository': return or(values.map(gitHubRepositoryWords));
    case 'repository_owner': return `owner ${or(values)}`;
    case 'repository_owner_id': return `owner ID ${or(values)}`;
    case 'repository_id': return `repository ID ${or(values)}`;
    case 'job_workflow_ref': return `reusable workflow ${or(values)}`;
    case 'workflow': return `workflow ${or(values)}`;
    case 'actor': return `actor ${or(values)}`;
    case 'actor_id': return `actor ID ${or(values)}`;
    case 'enterprise_id': return `enterprise ID ${or(values)}`;
    default: return `${claim} ${or(values)}`;
  }
}

/** `branch main`, `any tag`, `ref refs/pull/1/merge`. */
function refWords(ref: string): string {
  if (ref.startsWith('refs/heads/')) return ref === 'refs/heads/*' ? 'any branch' : `branch ${ref.slice('refs/heads/'.length)}`;
  if (ref.startsWith('refs/tags/')) return ref === 'refs/tags/*' ? 'any tag' : `tag ${ref.slice('refs/tags/'.length)}`;
  return `ref ${ref}`;
}

/** The claims AWS STS evaluates for GitHub (on its issuers) and gitlab.com tokens, in words; undefined for other keys. */
function ciClaimWords(host: string, { key, values }: ConditionText): string | undefined {
  const claim = key.slice(key.lastIndexOf(':') + 1);
  if (key.toLowerCase() !== `${host}:${claim}`.toLowerCase()) return undefined;
  if (awsEvaluatesGitHubClaims(host) && GITHUB_CLAIMS.has(claim)) return gitHubClaimWords(claim, values);
  if (host === GITLAB_COM_ISSUER) {
    switch (claim) {
      case 'project_id': return `project ID ${or(values)}`;
      case 'namespace_id': return `namespace ID ${or(values)}`;
      case 'ref_protected': return values.every((v) => v === 'true') ? 'protected branches and tags only' : `ref_protected ${or(values)}`;
      case 'pipeline_source': return `pipelines from ${or(values)}`;
      default: return GITLAB_CLAIMS.has(claim) ? `${claim} ${or(values)}` : undefined;
    }
  }
  return undefined;
}

/** The GitHub claims AWS STS evaluates (STS Service Authorization Reference). */
const GITHUB_CLAIMS = new Set(['actor', 'actor_id', 'enterprise_id', 'environment', 'job_workflow_ref', 'ref', 'repository', 'repository_id', 'repository_owner_id', 'workflow']);
/** The gitlab.com claims AWS STS evaluates (same reference). */
const GITLAB_CLAIMS = new Set(['namespace_id', 'pipeline_source', 'project_id', 'ref_protected', 'runner_environment', 'user_access_level', 'user_email', 'user_id', 'user_login']);

/** A GitLab `sub` claim in words: `project acme/web, branch main` (https://docs.gitlab.com/ci/secrets/id_token_authentication/). */
function gitLabSubject(sub: string): string {
  const m = /^project_path:([^:]+)(?::(.*))?$/.exec(sub);
  if (!m) return `subject ${sub}`;
  const project = m[1] === '*' || m[1].endsWith('/*') ? `any project of ${m[1].replace(/\/?\*$/, '') || 'any group'}` : `project ${m[1]}`;
  const rest = m[2];
  if (rest === undefined) return project;
  if (rest === '*') return `${project}, any branch or tag`;
  const ref = /^ref_type:(branch|tag):ref:(.*)$/.exec(rest);
  if (!ref) return `${project}, ${rest}`;
  return ref[2] === '*' ? `${project}, any ${ref[1]}` : `${project}, ${ref[1]} ${ref[2]}`;
}

/**
 * An HCP Terraform `sub` claim in words: `organization acme, workspace prod, apply`
 * (https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/workload-identity-tokens).
 */
function terraformSubject(sub: string): string {
  const run = /^organization:([^:]+):project:([^:]+):workspace:([^:]+):run_phase:([^:]+)$/.exec(sub);
  const test = /^organization:([^:]+):module:([^:]+):operation:test_run$/.exec(sub);
  if (!run && !test) return `subject ${sub}`;
  const org = (run ?? test)![1];
  const words = [org === '*' ? 'any organization' : `organization ${org}`];
  if (test) return [...words, `tests of module ${test[2]}`].join(', ');
  const [, , project, workspace, phase] = run!;
  if (project !== '*') words.push(`project ${project}`);
  words.push(workspace === '*' ? 'any workspace' : `workspace ${workspace}`);
  words.push(phase === '*' ? 'plan or apply' : phase);
  return words.join(', ');
}

function accountWords(account: string | undefined, context: PartyContext): string {
  if (account === undefined) return 'an account that cannot be read';
  if (account === '{account}' || (context.ownAccountKnown && account === context.ownAccount)) return 'this account';
  return `account ${account}`;
}

function arnAccount(arn: string): string | undefined {
  return /^arn:[^:]*:(?:iam|sts)::([^:]+):/.exec(arn)?.[1];
}

function nameIn(arn: string): string {
  return arn.replace(/^arn:[^:]*:iam::[^:]*:(role|user)\//, '');
}

function or(values: string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** Seconds as `1 h`, `15 min`, `90 s`. */
export function duration(seconds: string | number | undefined): string {
  const n = Number(seconds);
  if (!Number.isFinite(n)) return `${seconds} s`;
  if (n % 3600 === 0) return `${n / 3600} h`;
  if (n % 60 === 0) return `${n / 60} min`;
  return `${n} s`;
}
