import { Aws } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { TrustRelationship } from './trust-relationship';
import { arnProblem, renderArn } from '../private/arn-values';
import { ACCOUNT_ID, ARN, breaks, SERVICE_NAME } from '../private/rules';
import { servicePrincipalName } from '../private/service-names';
import { addCondition, Conditions, TrustStatement, unique } from '../private/statement';

/**
 * Trust in one or more AWS service principals, e.g. `lambda.amazonaws.com`.
 *
 * Add `withSourceAccount` / `withSourceArn` to guard against the confused-deputy problem:
 * the service may then assume the role only on behalf of your account or resource.
 */
export class ServiceTrust extends TrustRelationship {
  /**
   * Made by the `Trust` factories.
   * @internal
   */
  public static _create(services: string[], actions: string[]): ServiceTrust {
    return new ServiceTrust(services, actions);
  }

  /** @internal */
  public readonly _services: string[];
  /** @internal */
  public readonly _actions: string[];
  /** @internal */
  public readonly _sourceAccounts: string[] = [];
  /** @internal */
  public readonly _sourceArns: string[] = [];

  /** Made by the `Trust` factories; `EksPodIdentityTrust` extends it. */
  protected constructor(services: string[], actions: string[]) {
    super();
    this._services = unique(services.map(servicePrincipalName));
    this._actions = actions;
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
    return `Trust.service(${this._services.join(', ')})`;
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
    return [{ kind: 'Service', principals: this._services, actions: this._finish(this._actions), conditions }];
  }
}
