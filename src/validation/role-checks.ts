import { Annotations, IAspect } from 'aws-cdk-lib';
import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { AppRoles, reportTarget } from './app-roles';
import { ROLE_CHECKS } from './checks';
import { LIMITS } from './limits';
import { FindingLevel, RoleCheck, RoleFacts } from './role-check';
import { gatherFacts } from './role-facts';
import { checkWithTemplate } from './stack-checkpoint';
import { FINDING_PREFIX } from '../private/finding-ids';
import { contentCopy, contentHash, sameContent } from '../private/json-content';
import { roleSettings } from '../private/role-registry';

const ACK_METADATA = 'cdk-assumable-roles:acknowledge';

/** A check as documented: its id, level, trigger and fix. */
export interface CheckDescription {
  /** The stable id, e.g. `cdk-assumable-roles:TrustAnyPrincipal`. */
  readonly id: string;
  /** `error`, `warning` or `info`. */
  readonly level: string;
  /** What triggers the finding. */
  readonly trigger: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Props of `RoleChecks`. */
export interface RoleChecksProps {
  /**
   * The trust policy size quota of the account, for roles not made by this library.
   *
   * @default 2048
   */
  readonly trustPolicySizeQuota?: number;
}

/** Marks a role resource whose check is arranged (a symbol-keyed property, as `roleSettings` keeps its settings). */
const CHECKED = Symbol('cdk-assumable-roles.checked');

/**
 * Checks every IAM role in a scope for risky trust and permissions, and reports findings as
 * CDK annotations with stable ids: errors fail `cdk synth`, warnings and infos are shown.
 *
 * The library's constructs are checked automatically. Apply it to an app or stack to check
 * plain `iam.Role`s too:
 *
 * Trust cycles (`TrustCycle`, `TrustCircularReference`) are found on one trust graph of the
 * whole app, built once per synthesis from every `AWS::IAM::Role` of every stack, whichever
 * roles the aspect is applied to; findings are reported only on the roles it visits.
 *
 * @example
 * Aspects.of(app).add(new RoleChecks());
 */
export class RoleChecks implements IAspect {
  /**
   * Acknowledges a finding for a scope and everything below it, with the reason.
   *
   * @param scope the construct whose findings to acknowledge (e.g. the role)
   * @param id the finding id, with or without the `cdk-assumable-roles:` prefix
   * @param reason why the risk is accepted; kept in the construct metadata
   */
  public static acknowledge(scope: IConstruct, id: string, reason: string): void {
    const fullId = id.startsWith(FINDING_PREFIX) ? id : `${FINDING_PREFIX}${id}`;
    scope.node.addMetadata(ACK_METADATA, { id: fullId, reason });
    Annotations.of(scope).acknowledgeWarning(fullId, reason);
  }

  /**
   * The checks with their ids, levels, triggers and fixes.
   */
  public static describeChecks(): CheckDescription[] {
    return [
      ...ROLE_CHECKS.map((c) => ({ id: `${FINDING_PREFIX}${c.id}`, level: c.level, trigger: c.trigger, fix: c.fix })),
    ];
  }

  private readonly quota: number;

  /**
   * @param props options
   */
  constructor(props: RoleChecksProps = {}) {
    this.quota = props.trustPolicySizeQuota ?? LIMITS.trustPolicyDefaultQuota;
  }

  /**
   * Prepares the check of `node` when it is an `AWS::IAM::Role`. The role is checked when the
   * template of its stack is written (after every aspect, so the checks see the app as it will
   * be deployed). Skipping validation (`app.synth({ skipValidation: true })`) skips the checks.
   *
   * @param node the construct visited
   */
  public visit(node: IConstruct): void {
    if (node instanceof CfnRole) {
      checkWithItsTemplate(node, roleSettings(node)?.trustPolicyQuota ?? this.quota);
    }
  }
}

/**
 * Checks the role resource when the template of its stack is written, once however many times
 * it is asked (the library's constructs ask when they are made; a `RoleChecks` aspect asks for
 * plain roles). Findings are annotations (errors among them fail `cdk synth`); `limits`, the
 * size limits of the library's constructs, returns errors that fail the synthesis itself.
 */
export function checkWithItsTemplate(node: CfnRole, quota: number, limits: () => string[] = () => []): void {
  const marked = node as unknown as Record<symbol, boolean | undefined>;
  if (marked[CHECKED]) {
    return;
  }
  marked[CHECKED] = true;
  checkWithTemplate({
    role: node,
    source: reportTarget(node),
    run: () => {
      checkRole(node, quota);
      return limits();
    },
  });
}

function checkRole(node: CfnRole, quota: number): void {
  const app = AppRoles.of(node);
  const target = app.roles.get(node)!.target;
  const facts = gatherFacts(node, quota, app);
  const shared = documentFindings(facts);
  // Plain loops: this runs for every role of the app, and most roles have no finding.
  for (let i = 0; i < ROLE_CHECKS.length; i++) {
    const check = ROLE_CHECKS[i];
    const messages = check.readsTheApp ? check.check(facts) : shared[i];
    for (let m = 0; m < messages.length; m++) {
      report(target, check, messages[m]);
    }
  }
}

/** What the checks that read only a role's documents depend on. */
type DocumentFacts = Pick<RoleFacts, 'trustPolicy' | 'identityPolicies' | 'managedPolicyArns' | 'stackAccount' | 'trustPolicyQuota'>;

/**
 * The messages of the checks that read only the role's documents, by check (in `ROLE_CHECKS`
 * order), computed once per distinct content: those checks are pure functions of the documents,
 * the stack's account and the quota, and apps repeat documents (the roles of every function
 * trust lambda with the same condition). Each role still gets its own findings. The messages are
 * kept across syntheses in one process (a test suite synthesizes many apps with the same roles),
 * up to `DOCUMENT_FINDINGS_KEPT` distinct contents.
 *
 * Keyed by a hash of the content and compared by content (src/private/json-content.ts), not by
 * the documents' JSON text: that text was a string of about 1 KB per role per synthesis.
 */
function documentFindings(facts: RoleFacts): string[][] {
  const hash = contentHash(facts.trustPolicyQuota, contentHash(facts.stackAccount,
    contentHash(facts.managedPolicyArns, contentHash(facts.identityPolicies, contentHash(facts.trustPolicy)))));
  const kept = DOCUMENT_FINDINGS.get(hash);
  if (kept) {
    for (let i = 0; i < kept.length; i++) {
      if (sameDocumentFacts(kept[i].facts, facts)) return kept[i].findings;
    }
  }
  const findings = ROLE_CHECKS.map((check) => (check.readsTheApp ? [] : check.check(facts)));
  if (keptContents >= DOCUMENT_FINDINGS_KEPT) {
    // Simpler than least-recently-used, and as good for apps whose roles repeat a few documents.
    DOCUMENT_FINDINGS.clear();
    keptContents = 0;
  }
  const entry = {
    facts: contentCopy({
      trustPolicy: facts.trustPolicy,
      identityPolicies: facts.identityPolicies,
      managedPolicyArns: facts.managedPolicyArns,
      stackAccount: facts.stackAccount,
      trustPolicyQuota: facts.trustPolicyQuota,
    }),
    findings,
  };
  const bucket = DOCUMENT_FINDINGS.get(hash);
  if (bucket) bucket.push(entry);
  else DOCUMENT_FINDINGS.set(hash, [entry]);
  keptContents++;
  return findings;
}

function sameDocumentFacts(a: DocumentFacts, b: DocumentFacts): boolean {
  return a.trustPolicyQuota === b.trustPolicyQuota && a.stackAccount === b.stackAccount
    && sameContent(a.trustPolicy, b.trustPolicy) && sameContent(a.identityPolicies, b.identityPolicies)
    && sameContent(a.managedPolicyArns, b.managedPolicyArns);
}

/** How many distinct contents' messages `documentFindings` keeps. */
const DOCUMENT_FINDINGS_KEPT = 2000;
/** Messages by content hash: each entry's facts (a copy) and the messages of every check. */
const DOCUMENT_FINDINGS = new Map<number, Array<{ facts: DocumentFacts; findings: string[][] }>>();
let keptContents = 0;

function acknowledged(scope: IConstruct, id: string): boolean {
  return scope.node.scopes.some((s) => s.node.metadata.some((m) => m.type === ACK_METADATA && (m.data as any)?.id === id));
}

function report(target: IConstruct, check: RoleCheck, message: string): void {
  const id = `${FINDING_PREFIX}${check.id}`;
  if (acknowledged(target, id)) {
    return;
  }
  const text = `[${id}] ${message}. ${check.fix}`;
  switch (check.level) {
    case FindingLevel.ERROR:
      Annotations.of(target).addError(text);
      break;
    case FindingLevel.WARNING:
      Annotations.of(target).addWarningV2(id, text);
      break;
    default:
      Annotations.of(target).addInfo(text);
  }
}
