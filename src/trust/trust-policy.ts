import { IConstruct } from 'constructs';
import { TrustRelationship } from './trust-relationship';
import { invalidInput, TrustInputProblem } from '../private/errors';
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
    if (!(trust instanceof TrustRelationship)) {
      throw invalidInput(this.scope, field, trust, 'must be a value made with the Trust factories, e.g. Trust.service("lambda")');
    }
    if (trust._problems.length > 0) {
      throw invalidInput(this.scope, field, trust.toString(), trust._problems.join('; '));
    }
    let statements: TrustStatement[];
    try {
      statements = trust._statements(this.scope);
    } catch (e) {
      if (e instanceof TrustInputProblem) {
        throw invalidInput(this.scope, field, trust.toString(), e.message);
      }
      throw e;
    }
    this.relationships.push(trust);
    for (const statement of statements) {
      this.statements.push(wrapTokenKeys(this.scope, statement, `TrustCondition${this.statements.length}`));
    }
  }

  /** The relationships added so far. */
  public get trusts(): TrustRelationship[] {
    return [...this.relationships];
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
