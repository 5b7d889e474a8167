import { CfnMapping, Stack, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { TrustRelationship } from './trust-relationship';
import { renderArn } from '../private/arn-values';
import { SIGN_IN_HOSTS } from '../private/sign-in';
import { StackEnv } from '../private/stack-env';
import { addCondition, TrustStatement, unique } from '../private/statement';
import { fieldsOf, readFromFields } from '../private/trust-fields';

/** The AWS sign-in endpoint that SAML assertions for console access are addressed to. */
const SAML_SIGN_IN: Record<string, string> = Object.fromEntries(Object.entries(SIGN_IN_HOSTS).map(([p, host]) => [p, `https://${host}/saml`]));

/**
 * Trust in users federated through a SAML 2.0 identity provider registered in IAM,
 * assumed with `sts:AssumeRoleWithSAML`.
 */
export class SamlTrust extends TrustRelationship {
  /**
   * Made by the `Trust` factories.
   * @internal
   */
  public static _create(providerArn: string, problems: string[], audiences?: string[]): SamlTrust {
    return new SamlTrust(providerArn, problems, audiences);
  }

  /** @internal */
  declare public readonly _providerArn: string;
  /** @internal */
  declare public readonly _audiences?: string[];

  private constructor(providerArn: string, problems: string[], audiences?: string[]) {
    super();
    const fields = fieldsOf(this);
    fields._providerArn = providerArn;
    fields._audiences = audiences ? unique(audiences) : undefined;
    this._problems.push(...problems);
    if (audiences && audiences.length === 0) {
      this._problems.push('SAML trust needs at least one audience (SAML:aud)');
    }
  }

  public toString(): string {
    return `Trust.saml(${this._providerArn})`;
  }

  /** @internal */
  public _stackProblems(env: StackEnv): string[] {
    if (this._audiences !== undefined || env.region === undefined || signInUrl(env.region)) {
      return [];
    }
    return [`no SAML sign-in endpoint is known for the stack's region ${env.region} (partition ${RegionInfo.get(env.region).partition ?? 'unknown to aws-cdk-lib'}); `
      + 'give the audiences: Trust.saml(arn, { audiences: [...] })'];
  }

  /** @internal */
  public _statements(scope: IConstruct): TrustStatement[] {
    const audiences = this._audiences ?? [signInEndpoint(scope)];
    return [{
      kind: 'Federated',
      principals: [renderArn(this._providerArn)],
      actions: this._finish(['sts:AssumeRoleWithSAML']),
      conditions: addCondition(this._extraConditions, 'StringEquals', 'SAML:aud', audiences),
    }];
  }
}

/**
 * The SAML sign-in endpoint of the stack's partition: a literal when the stack's region is
 * known, otherwise a `Fn::FindInMap` keyed by `AWS::Partition` so it resolves at deploy time.
 */
function signInEndpoint(scope: IConstruct): string {
  const stack = Stack.of(scope);
  if (!Token.isUnresolved(stack.region)) {
    // A region without a known endpoint is reported by _stackProblems before statements are made.
    return signInUrl(stack.region)!;
  }
  const id = 'AssumableRolesSamlSignIn';
  const mapping = (stack.node.tryFindChild(id) as CfnMapping | undefined) ?? new CfnMapping(stack, id, {
    mapping: Object.fromEntries(Object.entries(SAML_SIGN_IN).map(([p, url]) => [p, { url }])),
  });
  return mapping.findInMap(stack.partition, 'url');
}

/** The SAML sign-in endpoint of a region's partition, when aws-cdk-lib knows it (it may say `''` for "unknown"). */
function signInUrl(region: string): string | undefined {
  const info = RegionInfo.get(region);
  return ((info.partition ? SAML_SIGN_IN[info.partition] : undefined) ?? info.samlSignOnUrl) || undefined;
}

// The declared fields above, read-only, from the value's fields (see private/trust-fields.ts).
readFromFields(SamlTrust, ['_providerArn', '_audiences']);
