import { Token } from 'aws-cdk-lib';
import { ServiceAccountOptions } from '../../roles/service-account-options';
import { yamlLibrary } from '../lazy-modules';

/** The annotation that binds a Kubernetes service account to an IAM role (IRSA). */
export const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';
/** IRSA: use the regional STS endpoint instead of the global one. */
export const STS_REGIONAL_ENDPOINTS_ANNOTATION = 'eks.amazonaws.com/sts-regional-endpoints';
/** IRSA: lifetime of the projected service account token, in seconds. */
export const TOKEN_EXPIRATION_ANNOTATION = 'eks.amazonaws.com/token-expiration';
/** kube2iam / kiam: the role a pod assumes. */
export const KUBE2IAM_ROLE_ANNOTATION = 'iam.amazonaws.com/role';
/** kube2iam: the ExternalId passed when assuming the role. */
export const KUBE2IAM_EXTERNAL_ID_ANNOTATION = 'iam.amazonaws.com/external-id';

/** The annotations of a ServiceAccount that uses a role through IRSA. */
export function serviceAccountAnnotations(roleArn: string, options: ServiceAccountOptions = {}): { [key: string]: string } {
  const annotations: { [key: string]: string } = { [ROLE_ARN_ANNOTATION]: roleArn };
  if (options.stsRegionalEndpoints !== undefined) {
    annotations[STS_REGIONAL_ENDPOINTS_ANNOTATION] = String(options.stsRegionalEndpoints);
  }
  if (options.tokenExpiration !== undefined) {
    annotations[TOKEN_EXPIRATION_ANNOTATION] = String(options.tokenExpiration.toSeconds());
  }
  return annotations;
}

/** The problem with a token expiration, if any. */
export function tokenExpirationProblem(options: ServiceAccountOptions): string | undefined {
  const seconds = options.tokenExpiration?.toSeconds();
  if (seconds === undefined || Token.isUnresolved(seconds)) return undefined;
  return seconds < 600 || seconds > 86400 ? `must be 600-86400 seconds (it is ${seconds})` : undefined;
}

/** A ServiceAccount manifest object. */
export function serviceAccountManifest(
  namespace: string, name: string, annotations: { [key: string]: string }, labels?: { [key: string]: string },
): any {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace, ...(labels ? { labels } : {}), annotations },
  };
}

/** YAML text of a manifest; values that are CDK tokens stay tokens inside the text. */
export function toYaml(manifest: any): string {
  return yamlLibrary().stringify(manifest, { lineWidth: 0 });
}
