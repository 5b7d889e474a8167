import { Token } from 'aws-cdk-lib';

/**
 * The service principal name for a short (`lambda`) or full (`lambda.amazonaws.com`) name.
 * The `.amazonaws.com` form is valid in every partition, which is also what aws-cdk-lib emits.
 */
export function servicePrincipalName(service: string): string {
  if (Token.isUnresolved(service)) {
    return service;
  }
  // `pods.eks` and `pods.eks.amazonaws.com` are the same principal; so are the `.cn` forms,
  // which IAM writes as `.amazonaws.com` in every partition.
  const full = /^(.+?)\.amazonaws\.com(\.cn)?$/.exec(service);
  if (full) {
    return `${full[1]}.amazonaws.com`;
  }
  return service.endsWith('.amazon.com') ? service : `${service}.amazonaws.com`;
}
