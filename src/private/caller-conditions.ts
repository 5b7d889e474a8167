import { Duration, Token } from 'aws-cdk-lib';
import { arnProblem, renderArn } from './arn-values';
import { ARN } from './rules';
import { addCondition, Conditions } from './statement';

/**
 * The conditions on who an IAM caller is and how it signed in, shared by the trusts in AWS
 * principals (`AwsPrincipalTrust`) and in the principals of an organization
 * (`OrganizationTrust`): MFA and its age, and `aws:PrincipalArn` patterns. Each is written
 * and checked once here.
 */
export interface CallerConditions {
  readonly _mfa: boolean;
  readonly _mfaMaxAgeSeconds?: number;
  readonly _principalArnPatterns: string[];
}

/** The seconds of an MFA max age, and what is wrong with it (aws:MultiFactorAuthAge counts whole seconds). */
export function mfaMaxAge(maxAge: Duration | undefined): { seconds?: number; problem?: string } {
  const seconds = maxAge?.toSeconds({ integral: false });
  if (seconds !== undefined && !Token.isUnresolved(seconds) && (!Number.isInteger(seconds) || seconds < 1)) {
    return { seconds, problem: `MFA max age ${maxAge!.toHumanString()} must be a whole number of seconds, at least 1 (aws:MultiFactorAuthAge is counted in seconds)` };
  }
  return { seconds };
}

/** What is wrong with an `aws:PrincipalArn` pattern, or `undefined`. */
export function principalArnProblem(pattern: string): string | undefined {
  const problem = arnProblem(pattern, ARN);
  return problem ? `principal ARN pattern: ${problem}` : undefined;
}

/**
 * Adds the MFA and principal ARN conditions to a block: `Bool aws:MultiFactorAuthPresent`,
 * `NumericLessThanEquals aws:MultiFactorAuthAge` and `ArnLike aws:PrincipalArn`.
 */
export function addCallerConditions(conditions: Conditions, caller: CallerConditions): Conditions {
  let out = conditions;
  if (caller._mfa) {
    out = addCondition(out, 'Bool', 'aws:MultiFactorAuthPresent', ['true']);
  }
  if (caller._mfaMaxAgeSeconds !== undefined) {
    out = addCondition(out, 'NumericLessThanEquals', 'aws:MultiFactorAuthAge', [String(caller._mfaMaxAgeSeconds)]);
  }
  if (caller._principalArnPatterns.length > 0) {
    out = addCondition(out, 'ArnLike', 'aws:PrincipalArn', caller._principalArnPatterns.map(renderArn));
  }
  return out;
}
