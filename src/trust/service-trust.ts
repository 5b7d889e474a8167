import { Aws } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { EksPodIdentityTrustOptions } from './pod-identity-trust';
import { TrustRelationship } from './trust-relationship';
import { arnProblem, renderArn } from '../private/arn-values';
import { podIdentity } from '../private/lazy-features';
import type { PodIdentityRestriction } from '../private/pod-identity';
import { ACCOUNT_ID, ARN, breaks, SERVICE_NAME } from '../private/rules';
import { servicePrincipalName } from '../private/service-names';
import { StackEnv } from '../private/stack-env';
import { addCondition, Conditions, TrustStatement, unique } from '../private/statement';
import { fieldsOf, readFromFields } from '../private/trust-fields';

/**
 * Trust in one or more AWS service principals, e.g. `lambda.amazonaws.com`.
 *
 * Add `withSourceAccount` / `withSourceArn` to guard against the confused-deputy problem:
 * the service may then assume the role only on behalf of your account or resource.
 *
 * `Trust.eksPodIdentity(options)` is one too: EKS Pod Identity, restricted to the clusters,
 * namespaces and service accounts of its options by the session tags EKS sets.
 */
export class ServiceTrust extends TrustRelationship {
  /**
   * Made by the `Trust` factories.
   * @internal
   */
  public static _create(services: string[], actions: string[]): ServiceTrust {
    return new ServiceTrust(services, actions);
  }

  /**
   * Made by `Trust.eksPodIdentity`: EKS Pod Identity, restricted by the session tags EKS sets
   * when the options name clusters, namespaces or service accounts.
   * @internal
   */
  public static _forPods(options: EksPodIdentityTrustOptions): ServiceTrust {
    const { POD_IDENTITY_ACTIONS, POD_IDENTITY_SERVICE, podIdentityRestriction } = podIdentity();
    const { restriction, problems } = podIdentityRestriction(options);
    const trust = new ServiceTrust([POD_IDENTITY_SERVICE], POD_IDENTITY_ACTIONS);
    return trust._with({ _podIdentity: restriction, _problems: [...trust._problems, ...problems] });
  }

  /** @internal */
  declare public readonly _services: string[];
  /** @internal */
  declare public readonly _actions: string[];
  /** @internal */
  declare public readonly _sourceAccounts: string[];
  /** @internal */
  declare public readonly _sourceArns: string[];
  /** The restriction of `Trust.eksPodIdentity` (session tags); undefined for any other service trust. @internal */
  declare public readonly _podIdentity?: PodIdentityRestriction;

  private constructor(services: string[], actions: string[]) {
    super();
    const fields = fieldsOf(this);
    fields._sourceAccounts = [];
    fields._sourceArns = [];
    fields._services = unique(services.map(servicePrincipalName));
    fields._actions = actions;
    if (services.length === 0) {
      this._problems.push('a service trust needs at least one service name');
    }
    for (const s of services) {
      if (breaks(SERVICE_NAME, s)) {
        this._problems.push(`service ${JSON.stringify(s)} is not a service name; write it as "lambda" or "lambda.amazonaws.com"`);
      }
    }
  }

  /**
   * Allows the service to assume the role only on behalf of the given account
   * (`aws:SourceAccount`).
   *
   * @param account the account ID
   * @default - the account the stack is deployed to
   */
  public withSourceAccount(account?: string): ServiceTrust {
    const value = account ?? Aws.ACCOUNT_ID;
    const problems = [...this._problems];
    if (account !== undefined && breaks(ACCOUNT_ID, account)) {
      problems.push(`source account ${JSON.stringify(account)} is not a 12-digit AWS account ID`);
    }
    return this._with({ _sourceAccounts: unique([...this._sourceAccounts, value]), _problems: problems });
  }

  /**
   * Allows the service to assume the role only on behalf of resources matching the ARN
   * (`aws:SourceArn`, compared with `ArnLike` so `*` wildcards work).
   *
   * @param arn an ARN or ARN template, e.g. `arn:{partition}:events:{region}:{account}:rule/*`
   */
  public withSourceArn(arn: string): ServiceTrust {
    const problem = arnProblem(arn, ARN);
    return this._with({
      _sourceArns: unique([...this._sourceArns, arn]),
      _problems: problem ? [...this._problems, `source ARN: ${problem}`] : this._problems,
    });
  }

  public toString(): string {
    if (this._podIdentity) {
      return `Trust.eksPodIdentity(${podIdentity().restrictionText(this._podIdentity)})`;
    }
    return `Trust.service(${this._services.join(', ')})`;
  }

  /** @internal */
  public _stackProblems(env: StackEnv): string[] {
    return this._podIdentity ? podIdentity().podIdentityStackProblems(this._podIdentity, env) : [];
  }

  /** @internal */
  public _statements(_scope: IConstruct): TrustStatement[] {
    let conditions: Conditions = this._extraConditions;
    if (this._sourceAccounts.length > 0) {
      conditions = addCondition(conditions, 'StringEquals', 'aws:SourceAccount', this._sourceAccounts);
    }
    if (this._sourceArns.length > 0) {
      conditions = addCondition(conditions, 'ArnLike', 'aws:SourceArn', this._sourceArns.map(renderArn));
    }
    const statement: TrustStatement = { kind: 'Service', principals: this._services, actions: this._finish(this._actions), conditions };
    return this._podIdentity ? podIdentity().podIdentityStatements(this._podIdentity, statement) : [statement];
  }
}

// The declared fields above, read-only, from the value's fields (see private/trust-fields.ts).
readFromFields(ServiceTrust, ['_services', '_actions', '_sourceAccounts', '_sourceArns', '_podIdentity']);
