import { IConstruct } from 'constructs';
import { TrustRelationship } from './trust-relationship';
import { invalidInput } from '../private/errors';
import { StackEnv, stackEnvOf } from '../private/stack-env';
import { mergeStatements, renderStatements, TrustStatement, wrapTokenKeys } from '../private/statement';

/**
 * The trust policy of one role, built from trust relationships as they are added.
 *
 * Statements are computed when a relationship is added (so any helper construct is created
 * while the tree is open) and merged and rendered when CloudFormation asks for the document.
 */
export class TrustPolicy {
  private readonly statements: TrustStatement[] = [];
  private readonly relationships: TrustRelationship[] = [];

  constructor(private readonly scope: IConstruct) {}

  /**
   * Adds a relationship, throwing an error that names the construct path and the problem
   * when the relationship was built from invalid input.
   */
  public add(trust: TrustRelationship, field: string): void {
    const problem = trustProblem(trust, stackEnvOf(this.scope));
    if (problem) {
      throw invalidInput(this.scope, field, trust instanceof TrustRelationship ? trust.toString() : trust, problem);
    }
    const statements = trust._statements(this.scope);
    this.relationships.push(trust);
    for (const statement of statements) {
      this.statements.push(wrapTokenKeys(this.scope, statement, `TrustCondition${this.statements.length}`));
    }
  }

  /** The relationships added so far; a trust policy given as JSON as the typed relationships it was lifted into. */
  public get trusts(): TrustRelationship[] {
    return this.relationships.flatMap((t) => t._parts());
  }

  /** Whether no relationship has been added. */
  public get isEmpty(): boolean {
    return this.statements.length === 0;
  }

  /** The policy statements as IAM JSON (may contain tokens). */
  public renderStatements(): any[] {
    return renderStatements(mergeStatements(this.statements));
  }
}

/**
 * What is wrong with a value given as a trust relationship for a role in a stack of `env`, or
 * `undefined`: not a `Trust` value, input the value was built from, or input that does not fit
 * the stack. The one check behind `addTrust`, the `trust` props and the role catalog.
 */
export function trustProblem(trust: unknown, env: StackEnv): string | undefined {
  if (!(trust instanceof TrustRelationship)) {
    return 'must be a value made with the Trust factories, e.g. Trust.service("lambda")';
  }
  const stackProblems = trust._stackProblems(env);
  // Most values have no problem: no combined list then.
  if (trust._problems.length === 0 && stackProblems.length === 0) return undefined;
  return [...trust._problems, ...stackProblems].join('; ');
}
