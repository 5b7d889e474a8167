/**
 * The review as JSON: a stable shape for tools, described by `schema/review-report.schema.json`
 * (a test validates every report against it). Add fields freely; renaming or removing one is a
 * breaking change and bumps `schemaVersion`.
 */
import { AssemblyRoles, ReviewedRole } from './assembly-roles';
import { TrustedParty } from './trusted-party';

/** The version of the JSON shape. */
export const REVIEW_SCHEMA_VERSION = 1;

/** The JSON document of a review. */
export function reviewJson(model: AssemblyRoles): any {
  const labels = model.roles.map((r) => r.label);
  const findings = model.roles.flatMap((r) => r.findings);
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    summary: {
      roles: model.roles.length,
      trustedParties: model.roles.reduce((n, r) => n + r.parties.length, 0),
      crossAccountParties: model.roles.reduce((n, r) => n + r.parties.filter((p) => p.crossAccount).length, 0),
      unreadableTrustPolicies: model.roles.filter((r) => r.unreadable !== undefined).length,
      findings: {
        error: findings.filter((f) => f.level === 'error' && f.acknowledged === undefined).length,
        warning: findings.filter((f) => f.level === 'warning' && f.acknowledged === undefined).length,
        info: findings.filter((f) => f.level === 'info' && f.acknowledged === undefined).length,
        acknowledged: findings.filter((f) => f.acknowledged !== undefined).length,
      },
    },
    roles: model.roles.map((r) => roleJson(r, labels)),
    edges: model.graph.edges.map((e) => ({ from: labels[e.from], to: labels[e.to], kind: e.kind })),
    cycles: model.cycles,
    unreadStacks: model.unread.map((u) => ({ name: u.name, file: u.file, problem: u.problem })),
  };
}

function roleJson(r: ReviewedRole, labels: string[]): any {
  return {
    path: r.label,
    stack: r.stack,
    logicalId: r.logicalId,
    template: r.templateFile,
    account: r.account,
    region: r.region,
    roleName: r.roleName,
    rolePath: r.path,
    description: r.description,
    maxSessionDuration: r.maxSessionDuration,
    permissionsBoundary: r.permissionsBoundary,
    managedPolicies: r.managedPolicies,
    policies: r.policies,
    revokedBefore: r.revokedBefore,
    unreadable: r.unreadable,
    trustedParties: r.parties.map((p) => partyJson(p, labels)),
    findings: r.findings.map((f) => ({ id: f.id, level: f.level, message: f.message, fix: f.fix, acknowledged: f.acknowledged })),
    trustCycle: r.trustCycle,
  };
}

function partyJson(p: TrustedParty, labels: string[]): any {
  return {
    kind: p.kind,
    principalType: p.principalType,
    principal: p.principal,
    who: p.who,
    sentence: p.sentence,
    actions: p.actions,
    conditions: p.conditions.map((c) => ({ operator: c.operator, key: c.key, values: c.values, words: c.words })),
    statement: p.statement,
    sid: p.sid,
    account: p.account,
    crossAccount: p.crossAccount,
    appRole: p.appRole === undefined ? undefined : labels[p.appRole],
    unreadConditions: p.unreadConditions,
  };
}
