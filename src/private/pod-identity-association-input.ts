import { Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { arnProblem, renderArn } from './arn-values';
import { FieldStep, InputProblem, inputProblem, invalidInput, throwFirst } from './errors';
import { POD_IDENTITY_ACTIONS } from './pod-identity';
import { associationProblem } from './pod-identity-admission';
import { breaks, EKS_CLUSTER_NAME, KUBERNETES_NAMESPACE_NAME, KUBERNETES_SERVICE_ACCOUNT_NAME, ROLE_ARN } from './rules';
import { stackEnvOf } from './stack-env';
import type { PodIdentityAssociationOptions } from '../roles/pod-identity-association';
import type { TrustRelationship } from '../trust/trust-relationship';

/** The problems of association options, at `path` (e.g. `['podIdentityAssociations', 0]`). */
export function podIdentityAssociationProblems(options: PodIdentityAssociationOptions, path: FieldStep[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const check = (field: keyof PodIdentityAssociationOptions, problem: string | undefined) => {
    if (problem) problems.push(inputProblem([...path, field], options[field], problem));
  };
  check('clusterName', typeof options.clusterName !== 'string' ? 'must be the name of the cluster'
    : breaks(EKS_CLUSTER_NAME, options.clusterName) ? EKS_CLUSTER_NAME.rule : undefined);
  check('namespace', typeof options.namespace !== 'string' ? 'must be a Kubernetes namespace'
    : breaks(KUBERNETES_NAMESPACE_NAME, options.namespace) ? KUBERNETES_NAMESPACE_NAME.rule : undefined);
  check('serviceAccount', typeof options.serviceAccount !== 'string' ? 'must be a Kubernetes service account name'
    : breaks(KUBERNETES_SERVICE_ACCOUNT_NAME, options.serviceAccount) ? KUBERNETES_SERVICE_ACCOUNT_NAME.rule : undefined);
  if (options.targetRoleArn !== undefined) {
    check('targetRoleArn', arnProblem(options.targetRoleArn, ROLE_ARN));
  }
  return problems;
}

/** The problems of the `podIdentityAssociations` prop: each entry's, and an entry that repeats another. */
export function podIdentityAssociationsProblems(associations: PodIdentityAssociationOptions[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Map<string, number>();
  associations.forEach((association, i) => {
    const own = podIdentityAssociationProblems(association, ['podIdentityAssociations', i]);
    problems.push(...own);
    const id = associationIdOf(association, i);
    const first = seen.get(id);
    if (own.length === 0 && first !== undefined) {
      problems.push(inputProblem(['podIdentityAssociations', i], `${association.clusterName}/${association.namespace}/${association.serviceAccount}`,
        `repeats podIdentityAssociations[${first}]: give each cluster, namespace and service account once`));
    }
    seen.set(id, first ?? i);
  });
  return problems;
}

/** What the role is, for the association: its ARN, its trust and where to add the target role's permission. */
export interface AssociatedRole extends IConstruct {
  readonly roleArn: string;
  readonly trusts: TrustRelationship[];
  readonly role: iam.Role;
}

/**
 * Creates the association of `role` (checked when the app is synthesized against the role's
 * trust) and, for a target role, this role's permission to assume it.
 *
 * @param field how the user gave the association, for messages
 */
export function createPodIdentityAssociation(
  role: AssociatedRole, id: string, options: PodIdentityAssociationOptions, field: string,
): eks.CfnPodIdentityAssociation {
  throwFirst(role, podIdentityAssociationProblems(options, [field]));
  const association = new eks.CfnPodIdentityAssociation(role, id, {
    clusterName: options.clusterName,
    namespace: options.namespace,
    serviceAccount: options.serviceAccount,
    roleArn: role.roleArn,
    targetRoleArn: options.targetRoleArn !== undefined ? renderArn(options.targetRoleArn) : undefined,
    disableSessionTags: options.disableSessionTags,
  });
  if (options.targetRoleArn !== undefined) {
    // EKS assumes the target role with this role's session (role chaining), and passes tags
    // (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html).
    role.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: POD_IDENTITY_ACTIONS, resources: [renderArn(options.targetRoleArn)] }));
  }
  role.node.addValidation({
    validate: () => {
      const otherStatements = role.role.assumeRolePolicy?.isEmpty === false;
      const facts = { ...options, sessionTags: options.disableSessionTags !== true };
      const problem = associationProblem(role.trusts, otherStatements, facts, stackEnvOf(role));
      return problem ? [invalidInput(role, field, `${options.clusterName}/${options.namespace}/${options.serviceAccount}`, problem).message] : [];
    },
  });
  return association;
}

/**
 * The construct ID of an association given in props: from its cluster, namespace and service
 * account when they are literal (so reordering the list replaces nothing), else its position.
 */
export function associationIdOf(options: PodIdentityAssociationOptions, index: number): string {
  const parts = [options.clusterName, options.namespace, options.serviceAccount];
  return parts.every((p) => typeof p === 'string' && !Token.isUnresolved(p))
    ? `PodIdentity-${parts.join('-')}`
    : `PodIdentityAssociation${index}`;
}
