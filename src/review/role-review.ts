import { assemblyRoles, AssemblyRoles } from './assembly-roles';
import { readAssembly, readTemplates } from './cloud-assembly';
import { reviewJson } from './report-json';
import { reviewMarkdown } from './report-markdown';
import { reviewMermaid } from './report-mermaid';

/** A format of the review. */
export enum ReviewFormat {
  /** Tables a person reads, e.g. in a pull request comment. */
  MARKDOWN = 'markdown',
  /** A stable, documented shape for tools (`schema/review-report.schema.json` in the package). */
  JSON = 'json',
  /** A Mermaid graph of trust edges, which GitHub renders in Markdown. */
  MERMAID = 'mermaid',
}

/** Options of a review. */
export interface RoleReviewOptions {
  /**
   * The trust policy size quota of the accounts, for the `TrustPolicyNearQuota` check.
   *
   * @default 2048 (the IAM default; see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html)
   */
  readonly trustPolicySizeQuota?: number;
}

/**
 * Who may assume what, in a whole app: every `AWS::IAM::Role` of a cloud assembly (this
 * library's roles, plain `iam.Role`, `CfnRole`, roles of any other library), across all stacks,
 * stages and nested stacks, with the parties that may assume it in plain words, what it may do,
 * and the findings of `RoleChecks`. Reads templates only: no app code and no AWS access.
 *
 * The same review is printed by the command `cdk-assumable-roles review [cdk.out]`.
 *
 * @example
 * const review = RoleReview.fromAssembly('cdk.out');
 * const markdown = review.render(ReviewFormat.MARKDOWN);
 */
export class RoleReview {
  /**
   * Reviews the cloud assembly in a directory, e.g. `cdk.out`.
   *
   * @param directory the directory `cdk synth` wrote
   * @param options options
   * @throws when the directory is not a cloud assembly (a template that cannot be read is a row of the review)
   */
  public static fromAssembly(directory: string, options: RoleReviewOptions = {}): RoleReview {
    return new RoleReview(assemblyRoles(readAssembly(directory), options));
  }

  /**
   * Reviews the stacks of the given template files, read with the manifests of their
   * directories (what CDK's policy-validation plugins are given).
   *
   * @param templatePaths template files of a synthesized assembly
   * @param options options
   */
  public static fromTemplates(templatePaths: string[], options: RoleReviewOptions = {}): RoleReview {
    return new RoleReview(assemblyRoles(readTemplates(templatePaths), options));
  }

  /** @internal the review of a model already built (the validation plugin's) */
  public static _fromModel(model: AssemblyRoles): RoleReview {
    return new RoleReview(model);
  }

  /** The number of roles reviewed. */
  public readonly roleCount: number;

  /** The number of errors and warnings of the checks that are not acknowledged (infos are suggestions, not counted). */
  public readonly openFindingCount: number;

  /** The number of stacks that could not be read. */
  public readonly unreadStackCount: number;

  /** @internal */
  public readonly _model: AssemblyRoles;

  private constructor(model: AssemblyRoles) {
    this._model = model;
    this.roleCount = model.roles.length;
    this.openFindingCount = model.roles.reduce((n, r) => n + r.findings.filter((f) => f.acknowledged === undefined && f.level !== 'info').length, 0);
    this.unreadStackCount = model.unread.length;
  }

  /**
   * The review as text.
   *
   * @param format the format
   */
  public render(format: ReviewFormat): string {
    switch (format) {
      case ReviewFormat.JSON:
        return `${JSON.stringify(reviewJson(this._model), undefined, 2)}\n`;
      case ReviewFormat.MERMAID:
        return reviewMermaid(this._model);
      default:
        return reviewMarkdown(this._model);
    }
  }
}
