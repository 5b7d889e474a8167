/**
 * Trusted parties in plain words: who they are, and what their conditions ask. The sentences a
 * reviewer reads in a pull request, e.g. `account 222233334444 (root) with ExternalId
 * partner-7d1f3a and MFA within 1 h`, `GitHub Actions: repository acme/app, branch main`.
 */
import type { ConditionText, PartyCondition, PartyContext, PartyKind } from './trusted-party';
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
    const narrowsWho = WHO_KEYS.has(key) || /:(sub|aud|amr)$/.test(key) && kind === 'web-identity';
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
      return `in organization ${list}`;
    case 'aws:principalorgpaths':
      return `in organization path ${list}`;
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
  const tagWords = POD_IDENTITY_TAG_WORDS[key];
  if (tagWords && /^String(Equals|Like)$/.test(operator)) {
    return /Like$/.test(operator) && values.some((v) => /[*?]/.test(v)) ? `${tagWords[1]} matching ${list}` : `${tagWords[0]} ${list}`;
  }
  if (kind === 'web-identity' && key.endsWith(':sub')) return subjectWords(providerHost(principal), values, /Like$/.test(operator));
  if (kind === 'web-identity' && key.endsWith(':aud')) {
    return values.every((v) => v === STS_AUDIENCE) ? '' : `audience ${list}`;
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
      return narrowing.length ? `anyone ${narrowing.join(', ')}` : 'anyone (any AWS principal, in any account)';
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
    case 'web-identity':
      return webIdentityWho(shown, narrowing);
    default:
      return withNarrowing(shown, narrowing);
  }
}

function withNarrowing(who: string, narrowing: string[]): string {
  return narrowing.length ? `${who}, ${narrowing.join(', ')}` : who;
}

function webIdentityWho(principal: string, narrowing: string[]): string {
  const host = providerHost(principal);
  const subjects = narrowing.length ? narrowing.join(', ') : 'any subject';
  if (host === GITHUB_ACTIONS_ISSUER || /\/_services\/token$/.test(host)) return `GitHub Actions: ${subjects}`;
  if (/^oidc\.eks\.[^/]+\.amazonaws\.com(\.cn)?\/id\//.test(host)) return `EKS ${narrowing.length ? subjects : 'any service account'} of issuer ${host}`;
  if (host === 'cognito-identity.amazonaws.com') return `Cognito identities: ${subjects}`;
  if (host === 'accounts.google.com') return `Google users: ${subjects}`;
  if (host === 'graph.facebook.com') return `Facebook users: ${subjects}`;
  if (host === 'www.amazon.com') return `Login with Amazon users: ${subjects}`;
  if (host === 'gitlab.com' || /gitlab/.test(host)) return `GitLab CI of ${host}: ${subjects}`;
  if (host === 'app.terraform.io') return `HCP Terraform: ${subjects}`;
  return `users of OIDC provider ${host}: ${subjects}`;
}

/** The issuer host (and path) of a web-identity principal. */
function providerHost(principal: string): string {
  return principal.split(':oidc-provider/')[1] ?? principal;
}

function subjectWords(host: string, values: string[], like: boolean): string {
  if (host === GITHUB_ACTIONS_ISSUER || /\/_services\/token$/.test(host)) return or(values.map(githubSubject));
  if (/^oidc\.eks\./.test(host)) {
    return or(values.map((v) => {
      const m = /^system:serviceaccount:([^:]+):(.+)$/.exec(v);
      if (!m) return `subject ${v}`;
      return /[*?]/.test(v) && like ? `service accounts matching ${m[1]}/${m[2]}` : `service account ${m[1]}/${m[2]}`;
    }));
  }
  return `subject ${or(values)}`;
}

/** A GitHub Actions `sub` claim in words: `repository acme/app, branch main`. */
function githubSubject(sub: string): string {
  const m = /^repo:([^:]+):(.*)$/.exec(sub);
  if (!m) return sub === '*' ? 'any repository, any ref' : `subject ${sub}`;
  const repo = m[1] === '*' || m[1].endsWith('/*') ? `any repository of ${m[1].replace(/\/?\*$/, '') || 'any owner'}` : `repository ${m[1]}`;
  const rest = m[2];
  let what: string;
  if (rest === '*') what = 'any branch, tag, environment or pull request';
  else if (rest === 'pull_request') what = 'pull requests';
  else if (rest.startsWith('ref:refs/heads/')) what = rest === 'ref:refs/heads/*' ? 'any branch' : `branch ${rest.slice('ref:refs/heads/'.length)}`;
  else if (rest.startsWith('ref:refs/tags/')) what = rest === 'ref:refs/tags/*' ? 'any tag' : `tag ${rest.slice('ref:refs/tags/'.length)}`;
  else if (rest.startsWith('environment:')) what = rest === 'environment:*' ? 'any environment' : `environment ${rest.slice('environment:'.length)}`;
  else what = rest;
  return `${repo}, ${what}`;
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
