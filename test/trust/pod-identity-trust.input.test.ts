/**
 * Bad input to Trust.eksPodIdentity and Trust.eksPodIdentityRole (src/trust/pod-identity-trust.ts,
 * src/trust/pod-identity-role-trust.ts, src/private/pod-identity.ts): cluster names and ARNs,
 * Kubernetes namespaces (RFC 1123 DNS labels) and service account names (RFC 1123 DNS
 * subdomains, https://kubernetes.io/docs/concepts/overview/working-with-objects/names/). Each
 * row is built in a fresh stack and must give exactly the outcome a user sees.
 */
import { Trust } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, REF_P, trusting, UNKNOWN_PLACEHOLDER } from '../support/bad-input';
import { newStack, stringParameter } from '../support/stacks';

const POD_ROLE = 'arn:aws:iam::111122223333:role/payments-api';
const NS_RULE = 'must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards)';
const NAME_RULE = 'must be a lowercase DNS name of at most 253 characters (a-z, 0-9, "-", "."; "*" and "?" as wildcards)';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'a namespace with upper-case letters',
    build: (s) => trusting(s, Trust.eksPodIdentity({ namespaces: ['Payments'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.eksPodIdentity(namespace Payments)": namespace "Payments" ${NS_RULE}`,
  },
  {
    name: 'a namespace with a dot (a label, not a subdomain)',
    build: (s) => trusting(s, Trust.eksPodIdentity({ namespaces: ['team.payments'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.eksPodIdentity(namespace team.payments)": namespace "team.payments" ${NS_RULE}`,
  },
  {
    name: 'a namespace of 64 characters',
    build: (s) => trusting(s, Trust.eksPodIdentity({ namespaces: ['a'.repeat(64)] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.eksPodIdentity(namespace ${'a'.repeat(64)})": namespace "${'a'.repeat(64)}" ${NS_RULE}`,
  },
  {
    name: 'a service account written namespace:name',
    build: (s) => trusting(s, Trust.eksPodIdentity({ serviceAccounts: ['payments:api'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksPodIdentity(service account payments:api)": service account "payments:api" must be a name only, without its namespace; give the namespace in namespaces',
  },
  {
    name: 'a service account name ending in a dash',
    build: (s) => trusting(s, Trust.eksPodIdentity({ serviceAccounts: ['api-'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.eksPodIdentity(service account api-)": service account name "api-" ${NAME_RULE}`,
  },
  {
    name: 'a cluster name with a dot',
    build: (s) => trusting(s, Trust.eksPodIdentity({ clusterNames: ['prod.eu'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksPodIdentity(cluster prod.eu)": cluster name "prod.eu" must be an EKS cluster name of 1-100 letters, digits, "-" and "_", starting with a letter or digit ("*" and "?" as wildcards)',
  },
  {
    name: 'a cluster ARN given as a cluster name',
    build: (s) => trusting(s, Trust.eksPodIdentity({ clusterNames: ['arn:aws:eks:us-east-1:111122223333:cluster/prod'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksPodIdentity(cluster arn:aws:eks:us-east-1:111122223333:cluster/prod)": cluster name "arn:aws:eks:us-east-1:111122223333:cluster/prod" is an ARN; give cluster ARNs in clusterArns',
  },
  {
    name: 'a cluster ARN of another service',
    build: (s) => trusting(s, Trust.eksPodIdentity({ clusterArns: ['arn:aws:ecs:us-east-1:111122223333:cluster/prod'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksPodIdentity(cluster arn:aws:ecs:us-east-1:111122223333:cluster/prod)": cluster ARN: "arn:aws:ecs:us-east-1:111122223333:cluster/prod" is not an EKS cluster ARN (arn:<partition>:eks:<region>:<account>:cluster/<name>)',
  },
  {
    name: 'a cluster ARN with a misspelled placeholder',
    build: (s) => trusting(s, Trust.eksPodIdentity({ clusterArns: ['arn:{partition}:eks:{regoin}:{account}:cluster/prod'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.eksPodIdentity(cluster arn:{partition}:eks:{regoin}:{account}:cluster/prod)": cluster ARN: ${UNKNOWN_PLACEHOLDER('regoin')}`,
  },
  {
    name: 'an empty list of namespaces (which would admit any)',
    build: (s) => trusting(s, Trust.eksPodIdentity({ namespaces: [] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksPodIdentity()": namespaces is an empty list; leave it out to admit any namespace, or name at least one',
  },
  {
    name: 'a cluster of another account than the role',
    // A stack of a known account (also at Stack/Role): the rule compares the two accounts.
    build: () => trusting(newStack({ env: { account: '111122223333', region: 'us-east-1' } }), Trust.eksPodIdentity({ clusterArns: ['arn:aws:eks:us-east-1:444455556666:cluster/prod'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksPodIdentity(cluster arn:aws:eks:us-east-1:444455556666:cluster/prod)": a cluster ARN names account 444455556666, but the role is in account 111122223333; '
      + 'a Pod Identity association can use only a role of its cluster\'s account (EKS passes the role with iam:PassRole): create the role in that account, '
      + 'or give this role to the other account\'s association as its target role (Trust.eksPodIdentityRole)',
  },
  {
    name: 'Trust.eksPodIdentityRole with a user ARN',
    build: (s) => trusting(s, Trust.eksPodIdentityRole('arn:aws:iam::111122223333:user/ci')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksPodIdentityRole(arn:aws:iam::111122223333:user/ci)": Pod Identity role: "arn:aws:iam::111122223333:user/ci" is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)',
  },
  {
    name: 'Trust.eksPodIdentityRole with a role pattern (it names one role)',
    build: (s) => trusting(s, Trust.eksPodIdentityRole('arn:aws:iam::111122223333:role/pods-*')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksPodIdentityRole(arn:aws:iam::111122223333:role/pods-*)": Pod Identity role: "arn:aws:iam::111122223333:role/pods-*" is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)',
  },
  {
    name: 'Trust.eksPodIdentityRole with a cluster of another account than the Pod Identity role',
    build: (s) => trusting(s, Trust.eksPodIdentityRole(POD_ROLE, { clusterArns: ['arn:aws:eks:us-east-1:444455556666:cluster/prod'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.eksPodIdentityRole(${POD_ROLE}; cluster arn:aws:eks:us-east-1:444455556666:cluster/prod)": `
      + `a cluster ARN names account 444455556666, but the Pod Identity role ${POD_ROLE} is in account 111122223333; `
      + 'an association uses only a role of its cluster\'s account, so no session of that role carries this cluster',
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'a namespace that is a token',
    build: (s) => trusting(s, Trust.eksPodIdentity({ namespaces: [stringParameter(s)] })),
    inTemplate: `"aws:RequestTag/kubernetes-namespace":${REF_P}`,
  },
  {
    name: 'a cluster ARN that is a token',
    build: (s) => trusting(s, Trust.eksPodIdentity({ clusterArns: [stringParameter(s)] })),
    inTemplate: `"aws:RequestTag/eks-cluster-arn":${REF_P}`,
  },
  {
    name: 'a Pod Identity role ARN that is a token',
    build: (s) => trusting(s, Trust.eksPodIdentityRole(stringParameter(s), { namespaces: ['payments'] })),
    inTemplate: `"AWS":${REF_P}`,
  },
  {
    name: 'wildcards in every list',
    build: (s) => trusting(s, Trust.eksPodIdentity({ clusterNames: ['prod-*'], namespaces: ['team-?'], serviceAccounts: ['*'] })),
    inTemplate: '"StringLike":{"aws:RequestTag/kubernetes-namespace":"team-?","aws:RequestTag/kubernetes-service-account":"*","aws:RequestTag/eks-cluster-name":"prod-*"}',
  },
];

describeErrorRows('Trust.eksPodIdentity: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('Trust.eksPodIdentity: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);
