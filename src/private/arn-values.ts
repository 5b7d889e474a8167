import { Token } from 'aws-cdk-lib';
import { InputRule, matches } from './rules';
import { ArnTemplate } from '../arn-template';

/**
 * What is wrong with an ARN or ARN template given to a builder, or `undefined`: an unknown
 * placeholder, no `arn:` prefix, or a break of `rule`. Tokens are accepted as they are: their
 * value is known only at deploy time.
 */
export function arnProblem(arn: string, rule: InputRule): string | undefined {
  const templateProblem = ArnTemplate.problemOf(arn);
  if (templateProblem) {
    return templateProblem;
  }
  if (Token.isUnresolved(arn)) {
    return undefined;
  }
  if (!arn.startsWith('arn:')) {
    return `${JSON.stringify(arn)} is not an ARN (it must start with "arn:")`;
  }
  if (!matches(rule, arn)) {
    return `${JSON.stringify(arn)} is not ${rule.rule.replace(/^must be /, '')}`;
  }
  return undefined;
}

/** Renders an ARN template; problems were reported when the value was built. */
export function renderArn(arn: string): string {
  return ArnTemplate.problemOf(arn) ? arn : ArnTemplate.render(arn);
}
