import { Token } from 'aws-cdk-lib';
import type { RoleRolloutProps } from './role-rollout';
import { RolloutAccountFilter, RolloutCallAs, RolloutConcurrencyMode, RolloutOperationPreferences } from './rollout-options';
import { InputProblem, inputProblem } from '../private/errors';
import { ACCOUNT_ID, breaks, ORGANIZATION_ID, ORGANIZATIONAL_UNIT_OR_ROOT_ID, REGION, STACK_SET_NAME } from '../private/rules';

/**
 * Limits of a service-managed StackSet, from the AWS::CloudFormation::StackSet resource schema
 * (as cfn-lint 1.58 ships it) and the CloudFormation API reference.
 */
export const STACK_SET_LIMITS = {
  /** TemplateBody: 1-51,200 bytes (CreateStackSet, TemplateBody). */
  templateBodyBytes: 51_200,
  /** OUs in one CreateStackInstances operation (CreateStackInstances, DeploymentTargets). */
  organizationalUnits: 50,
  /** Description: 1-1,024 characters. */
  descriptionLength: 1024,
};

/** Every problem of a rollout's props, in the order of the props. */
export function rolloutProblems(props: RoleRolloutProps): InputProblem[] {
  const problems: InputProblem[] = [];
  if (props.organizationId === undefined || breaks(ORGANIZATION_ID, props.organizationId)) {
    problems.push(inputProblem(['organizationId'], props.organizationId, ORGANIZATION_ID.rule));
  }
  problems.push(...listProblems('organizationalUnitIds', props.organizationalUnitIds, ORGANIZATIONAL_UNIT_OR_ROOT_ID.rule,
    (id) => breaks(ORGANIZATIONAL_UNIT_OR_ROOT_ID, id), true));
  if ((props.organizationalUnitIds ?? []).length > STACK_SET_LIMITS.organizationalUnits) {
    problems.push(inputProblem(['organizationalUnitIds'], props.organizationalUnitIds,
      `has ${props.organizationalUnitIds.length} IDs, but a StackSet deploys to at most ${STACK_SET_LIMITS.organizationalUnits} organizational units in one operation (CreateStackInstances); `
      + 'target a parent OU that contains them, or split them over several RoleRollouts'));
  }
  if (props.region === undefined || breaks(REGION, props.region)) {
    problems.push(inputProblem(['region'], props.region, `${REGION.rule}; give exactly one Region: IAM roles are global, so the roles are created once per account`));
  }
  if (props.accounts !== undefined) {
    problems.push(...listProblems('accounts', props.accounts, `${ACCOUNT_ID.rule} as a string`, (id) => breaks(ACCOUNT_ID, id), true));
    if (props.accountFilter === undefined) {
      problems.push(inputProblem(['accountFilter'], undefined,
        'say how the accounts narrow the organizational units: RolloutAccountFilter.INTERSECTION (only these accounts of the OUs) '
        + 'or RolloutAccountFilter.DIFFERENCE (every account of the OUs but these)'));
    }
  }
  if (props.accountFilter !== undefined) {
    if (!Object.values(RolloutAccountFilter).includes(props.accountFilter)) {
      problems.push(inputProblem(['accountFilter'], props.accountFilter, 'must be RolloutAccountFilter.INTERSECTION or RolloutAccountFilter.DIFFERENCE'));
    } else if (props.accounts === undefined) {
      problems.push(inputProblem(['accountFilter'], props.accountFilter, 'give the accounts it filters by (accounts)'));
    }
  }
  if (props.stackSetName !== undefined && breaks(STACK_SET_NAME, props.stackSetName)) {
    problems.push(inputProblem(['stackSetName'], props.stackSetName, STACK_SET_NAME.rule));
  }
  if (props.description !== undefined && !Token.isUnresolved(props.description)
    && (props.description.length < 1 || props.description.length > STACK_SET_LIMITS.descriptionLength)) {
    problems.push(inputProblem(['description'], props.description,
      `must be 1-${STACK_SET_LIMITS.descriptionLength.toLocaleString('en-US')} characters (it has ${props.description.length})`));
  }
  if (props.callAs !== undefined && !Object.values(RolloutCallAs).includes(props.callAs)) {
    problems.push(inputProblem(['callAs'], props.callAs, 'must be RolloutCallAs.SELF or RolloutCallAs.DELEGATED_ADMIN'));
  }
  problems.push(...operationPreferenceProblems(props.operationPreferences));
  return problems;
}

/** A list that must be non-empty (when `required`), hold valid values, and hold each once. */
function listProblems(field: string, list: string[] | undefined, rule: string, bad: (value: string) => boolean, required: boolean): InputProblem[] {
  if (list === undefined || !Array.isArray(list) || list.length === 0) {
    return required ? [inputProblem([field], list, `give at least one (${rule.replace(/^must be /, '')})`)] : [];
  }
  const problems: InputProblem[] = [];
  const seen = new Map<string, number>();
  list.forEach((value, i) => {
    if (typeof value !== 'string' || bad(value)) {
      problems.push(inputProblem([field, i], value, rule));
    } else if (seen.has(value)) {
      problems.push(inputProblem([field, i], value, `is listed twice (also ${field}[${seen.get(value)}]); CloudFormation requires each once`));
    } else {
      seen.set(value, i);
    }
  });
  return problems;
}

/** Ranges and exclusive pairs of the StackSet's operation preferences. */
function operationPreferenceProblems(prefs: RolloutOperationPreferences | undefined): InputProblem[] {
  if (prefs === undefined) {
    return [];
  }
  const problems: InputProblem[] = [];
  const field = (name: keyof RolloutOperationPreferences) => ['operationPreferences', name];
  const range = (name: keyof RolloutOperationPreferences, min: number, max?: number) => {
    const value = prefs[name] as number | undefined;
    if (value === undefined || Token.isUnresolved(value)) {
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
      problems.push(inputProblem(field(name), value, max === undefined ? `must be a whole number, ${min} or more` : `must be a whole number from ${min} to ${max}`));
    }
  };
  range('failureToleranceCount', 0);
  range('failureTolerancePercentage', 0, 100);
  range('maxConcurrentCount', 1);
  range('maxConcurrentPercentage', 0, 100);
  const pair = (count: keyof RolloutOperationPreferences, percentage: keyof RolloutOperationPreferences) => {
    if (prefs[count] !== undefined && prefs[percentage] !== undefined) {
      problems.push(inputProblem(field(percentage), prefs[percentage],
        `give ${count} or ${percentage}, not both (operationPreferences.${count} is ${prefs[count]}); CloudFormation accepts one of each pair`));
    }
  };
  pair('failureToleranceCount', 'failureTolerancePercentage');
  pair('maxConcurrentCount', 'maxConcurrentPercentage');
  if (prefs.concurrencyMode !== undefined && !Object.values(RolloutConcurrencyMode).includes(prefs.concurrencyMode)) {
    problems.push(inputProblem(field('concurrencyMode'), prefs.concurrencyMode,
      'must be RolloutConcurrencyMode.STRICT_FAILURE_TOLERANCE or RolloutConcurrencyMode.SOFT_FAILURE_TOLERANCE'));
  }
  return problems;
}

/**
 * A note for preferences CloudFormation accepts but does not follow: under
 * STRICT_FAILURE_TOLERANCE (the default) the operation starts with the lower of
 * `maxConcurrentCount` and `failureToleranceCount` + 1 (API reference,
 * StackSetOperationPreferences, ConcurrencyMode).
 */
export function ineffectiveConcurrency(prefs: RolloutOperationPreferences | undefined): string | undefined {
  const max = prefs?.maxConcurrentCount;
  if (prefs === undefined || max === undefined || Token.isUnresolved(max) || prefs.failureTolerancePercentage !== undefined
    || (prefs.concurrencyMode ?? RolloutConcurrencyMode.STRICT_FAILURE_TOLERANCE) !== RolloutConcurrencyMode.STRICT_FAILURE_TOLERANCE) {
    return undefined;
  }
  const tolerance = prefs.failureToleranceCount ?? 0;
  if (Token.isUnresolved(tolerance) || max <= tolerance + 1) {
    return undefined;
  }
  return `operationPreferences.maxConcurrentCount is ${max}, but under RolloutConcurrencyMode.STRICT_FAILURE_TOLERANCE (the default) CloudFormation starts `
    + `with at most failureToleranceCount + 1 = ${tolerance + 1} account${tolerance === 0 ? '' : 's'} at a time and lowers that with every failure; `
    + 'raise failureToleranceCount, or set concurrencyMode to RolloutConcurrencyMode.SOFT_FAILURE_TOLERANCE';
}
