import { diffAssemblies, TrustChange } from './review-diff';
import { diffJson, diffMarkdown } from './review-diff-render';
import { ReviewFormat, RoleReview } from './role-review';

/**
 * What changed in who may assume what, between two reviews of an app (e.g. the `cdk.out` of the
 * main branch and the one of a pull request), in plain words: roles added and removed, trusted
 * parties gained and lost, conditions added, removed or changed (`ExternalId partner-7d1f
 * removed`, `branch main -> any branch`), permissions boundaries, managed and inline policies,
 * the maximum session, and findings new and fixed. Each change widens access, narrows it, or
 * neither; a change whose effect the review cannot tell (a boundary replaced by another, a
 * deploy-time value) counts as widening.
 *
 * Roles are matched by construct path, then by stack and logical ID (a construct moved in the
 * tree with its logical ID kept is the same role in AWS). Inline policies are compared by their
 * actions: a change of the resources an action applies to is not seen.
 *
 * The same diff is printed by the command `cdk-assumable-roles review --diff OLD NEW`, and
 * `--fail-on new-access` fails when `widened` is true.
 *
 * @example
 * const diff = ReviewDiff.between(RoleReview.fromAssembly('main.out'), RoleReview.fromAssembly('cdk.out'));
 * const widened: boolean = diff.widened; // what `--fail-on new-access` fails on
 * const report = diff.render(ReviewFormat.MARKDOWN);
 */
export class ReviewDiff {
  /**
   * The changes from `older` to `newer`.
   *
   * @param older the review before the change, e.g. of the main branch
   * @param newer the review after the change
   */
  public static between(older: RoleReview, newer: RoleReview): ReviewDiff {
    return new ReviewDiff(diffAssemblies(older._model, newer._model));
  }

  /** Whether any change widens access: a new trusted party, a condition removed or loosened, a boundary removed, a new policy or action, a longer session, a new role that someone may assume. */
  public readonly widened: boolean;

  /** The number of changes, of any effect. */
  public readonly changeCount: number;

  /** @internal */
  public readonly _changes: TrustChange[];

  private constructor(changes: TrustChange[]) {
    this._changes = changes;
    this.widened = changes.some((c) => c.effect === 'widens');
    this.changeCount = changes.length;
  }

  /**
   * The diff as text: Markdown (a summary line, then a table per role, the widenings first) or
   * JSON (`{ schemaVersion, widened, summary, changes: [{ role, change, effect, sentence, before, after }] }`).
   *
   * @param format `MARKDOWN` or `JSON`
   * @throws for `MERMAID`: Mermaid draws the trust graph of one review, and a diff has no graph
   */
  public render(format: ReviewFormat): string {
    switch (format) {
      case ReviewFormat.JSON:
        return `${JSON.stringify(diffJson(this._changes), undefined, 2)}\n`;
      case ReviewFormat.MERMAID:
        throw new Error('The trust diff has no Mermaid form: Mermaid draws the trust graph of one review. Render the diff as MARKDOWN or JSON, and each review as MERMAID.');
      default:
        return diffMarkdown(this._changes);
    }
  }
}
