/**
 * Bad input to addPodIdentityAssociation and the podIdentityAssociations prop
 * (src/private/pod-identity-association-input.ts): EKS cluster names (CreateCluster,
 * https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html), Kubernetes
 * namespaces and service account names as they are, without wildcards
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/), and the target
 * role's ARN. Each row is built in a fresh stack and must give exactly the outcome a user sees.
 */
import { AssumableRole, Trust } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, REF_P, trusting } from '../support/bad-input';
import { stringParameter } from '../support/stacks';

const OK = { clusterName: 'prod', namespace: 'payments', serviceAccount: 'api' };
const NAMESPACE_RULE = 'must be a Kubernetes namespace: a lowercase DNS label of at most 63 characters (a-z, 0-9 and "-", starting and ending with a letter or digit)';
const NAME_RULE = 'must be a Kubernetes service account name: a lowercase DNS subdomain of at most 253 characters (a-z, 0-9, "-" and ".", starting and ending with a letter or digit)';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'a namespace with a wildcard (an association names one namespace)',
    build: (s) => trusting(s, Trust.eksPodIdentity()).addPodIdentityAssociation('Api', { ...OK, namespace: 'team-*' }),
    at: 'construction',
    error: `Stack/Role: invalid addPodIdentityAssociation(Api).namespace "team-*": ${NAMESPACE_RULE}`,
  },
  {
    name: 'a namespace starting with a dash',
    build: (s) => trusting(s, Trust.eksPodIdentity()).addPodIdentityAssociation('Api', { ...OK, namespace: '-payments' }),
    at: 'construction',
    error: `Stack/Role: invalid addPodIdentityAssociation(Api).namespace "-payments": ${NAMESPACE_RULE}`,
  },
  {
    name: 'a service account written namespace:name',
    build: (s) => trusting(s, Trust.eksPodIdentity()).addPodIdentityAssociation('Api', { ...OK, serviceAccount: 'payments:api' }),
    at: 'construction',
    error: `Stack/Role: invalid addPodIdentityAssociation(Api).serviceAccount "payments:api": ${NAME_RULE}`,
  },
  {
    name: 'a cluster name with a slash',
    build: (s) => trusting(s, Trust.eksPodIdentity()).addPodIdentityAssociation('Api', { ...OK, clusterName: 'team/prod' }),
    at: 'construction',
    error: 'Stack/Role: invalid addPodIdentityAssociation(Api).clusterName "team/prod": must be an EKS cluster name of 1-100 letters, digits, "-" and "_", starting with a letter or digit',
  },
  {
    name: 'a cluster given by ARN',
    build: (s) => trusting(s, Trust.eksPodIdentity()).addPodIdentityAssociation('Api', { ...OK, clusterName: 'arn:aws:eks:us-east-1:111122223333:cluster/prod' }),
    at: 'construction',
    error: 'Stack/Role: invalid addPodIdentityAssociation(Api).clusterName "arn:aws:eks:us-east-1:111122223333:cluster/prod": must be an EKS cluster name of 1-100 letters, digits, "-" and "_", starting with a letter or digit',
  },
  {
    name: 'a target role given by name',
    build: (s) => trusting(s, Trust.eksPodIdentity()).addPodIdentityAssociation('Api', { ...OK, targetRoleArn: 'payments-reader' }),
    at: 'construction',
    error: 'Stack/Role: invalid addPodIdentityAssociation(Api).targetRoleArn "payments-reader": "payments-reader" is not an ARN (it must start with "arn:")',
  },
  {
    name: 'the prop: a service account name of 254 characters',
    build: (s) => new AssumableRole(s, 'Role', { trust: [Trust.eksPodIdentity()], podIdentityAssociations: [OK, { ...OK, serviceAccount: 'a'.repeat(254) }] }),
    at: 'construction',
    error: `Stack/Role: invalid podIdentityAssociations[1].serviceAccount "${'a'.repeat(196)}...: ${NAME_RULE}`,
  },
  {
    name: 'the prop: the same association twice',
    build: (s) => new AssumableRole(s, 'Role', { trust: [Trust.eksPodIdentity()], podIdentityAssociations: [OK, { ...OK, targetRoleArn: 'arn:aws:iam::444455556666:role/reader' }] }),
    at: 'construction',
    error: 'Stack/Role: invalid podIdentityAssociations[1] "prod/payments/api": repeats podIdentityAssociations[0]: give each cluster, namespace and service account once',
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'a cluster name that is a token',
    build: (s) => trusting(s, Trust.eksPodIdentity()).addPodIdentityAssociation('Api', { ...OK, clusterName: stringParameter(s) }),
    inTemplate: `"ClusterName":${REF_P}`,
  },
  {
    name: 'a target role ARN that is a token',
    build: (s) => trusting(s, Trust.eksPodIdentity()).addPodIdentityAssociation('Api', { ...OK, targetRoleArn: stringParameter(s) }),
    inTemplate: `"TargetRoleArn":${REF_P}`,
  },
  {
    name: 'a namespace and a service account that are tokens',
    build: (s) => trusting(s, Trust.eksPodIdentity({ namespaces: ['payments'] })).addPodIdentityAssociation('Api', { ...OK, namespace: stringParameter(s), serviceAccount: stringParameter(s, 'E') }),
    inTemplate: `"Namespace":${REF_P}`,
  },
];

describeErrorRows('Pod Identity associations: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('Pod Identity associations: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);
