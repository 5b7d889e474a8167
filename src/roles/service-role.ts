import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AssumableRole, AssumableRoleProps } from './assumable-role';
import { invalidInput } from '../private/errors';
import { servicePrincipalName } from '../private/service-names';
import { Trust } from '../trust/trust';

/**
 * Props of `ServiceRole`.
 */
export interface ServiceRoleProps extends AssumableRoleProps {
  /**
   * The AWS services that assume the role: short (`lambda`) or full
   * (`lambda.amazonaws.com`) names.
   */
  readonly services: string[];

  /**
   * Whether the services may assume the role only on behalf of the stack's own account
   * (`aws:SourceAccount`), a guard against the confused-deputy problem. Turn it on for
   * services that set `aws:SourceAccount` when they assume roles.
   *
   * @default false
   */
  readonly restrictToSourceAccount?: boolean;

  /**
   * Resources on whose behalf the services may assume the role (`aws:SourceArn`, `ArnLike`),
   * as ARNs or ARN templates.
   *
   * @default - no restriction by source resource
   */
  readonly sourceArns?: string[];

  /**
   * Whether to create an EC2 instance profile for the role (requires `ec2` among `services`).
   *
   * @default false
   */
  readonly instanceProfile?: boolean;
}

/**
 * A role that AWS services assume, e.g. a Lambda function's or an EC2 instance's role.
 *
 * @example
 * new ServiceRole(this, 'FunctionRole', {
 *   services: ['lambda'],
 *   awsManagedPolicyNames: ['service-role/AWSLambdaBasicExecutionRole'],
 * });
 */
export class ServiceRole extends AssumableRole {
  /**
   * The EC2 instance profile, when `instanceProfile` is set.
   */
  public readonly instanceProfile?: iam.InstanceProfile;

  /**
   * @param scope the construct this role belongs to
   * @param id the construct ID; also the basis of the role's CloudFormation logical ID
   * @param props the role's configuration
   */
  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id, props);
    let trust = Trust.services(props.services ?? []);
    if (props.restrictToSourceAccount) {
      trust = trust.withSourceAccount();
    }
    for (const arn of props.sourceArns ?? []) {
      const next = trust.withSourceArn(arn);
      if (next._problems.length > trust._problems.length) {
        throw invalidInput(this, 'sourceArns', arn, next._problems.slice(trust._problems.length).join('; '));
      }
      trust = next;
    }
    this.addTrustFor('services', trust);

    if (props.instanceProfile) {
      if (!(props.services ?? []).map(servicePrincipalName).includes('ec2.amazonaws.com')) {
        throw invalidInput(this, 'instanceProfile', true, 'an instance profile is for EC2: add "ec2" to services');
      }
      this.instanceProfile = new iam.InstanceProfile(this, 'InstanceProfile', { role: this.role, path: props.path });
    }
  }
}
