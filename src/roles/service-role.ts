import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AssumableRole, AssumableRoleProps } from './assumable-role';
import { throwFirst } from '../private/errors';
import { serviceRoleInput } from '../private/role-input';

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
   * as ARNs or ARN templates with the six colon-separated parts of an ARN (`ArnLike` compares
   * part by part).
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
    const { trust, problems } = serviceRoleInput(props);
    throwFirst(this, problems);
    this.addTrustFor('services', trust);

    if (props.instanceProfile) {
      this.instanceProfile = new iam.InstanceProfile(this, 'InstanceProfile', { role: this.role, path: props.path });
    }
  }
}
