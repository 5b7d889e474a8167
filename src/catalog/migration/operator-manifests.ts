import type { Document, LineCounter } from 'yaml';
import { MigrationError, MigrationResult, policyStatements, positionOf } from './migration-source';
import { yamlLibrary } from '../../private/lazy-modules';

/**
 * Catalog entries from Kubernetes manifests of the infra operator's `IAMRole` resources
 * (`apiVersion: aws-infra-operator.runner.codes/v1alpha1`, `kind: IAMRole`): the role an
 * operator would create, as a role of kind `assumable` with its trust policy (`trustPolicy`).
 */

/** The operator's API group and version, and its role resource kind. */
export const OPERATOR_API_VERSION = 'aws-infra-operator.runner.codes/v1alpha1';
export const OPERATOR_ROLE_KIND = 'IAMRole';

/** The operator's `deletionPolicy` values and the catalog's `removalPolicy` for each. */
const DELETION_POLICY: Record<string, string> = { Delete: 'destroy', Retain: 'retain' };

/** `spec` fields that describe where the operator runs, not the role: left to the stack. */
const OPERATOR_ONLY = ['providerRef'];

/** Reads every `IAMRole` of a (multi-document) manifest; other resources are skipped, with a note. */
export function rolesFromOperatorManifests(text: string, name: string): MigrationResult {
  const { LineCounter: Counter, parseAllDocuments } = yamlLibrary();
  const lineCounter: LineCounter = new Counter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const documents = (Array.isArray(parsed) ? parsed : [parsed]) as Document[];
  const roles: any[] = [];
  const notes: string[] = [];
  documents.forEach((doc, d) => {
    const syntax = doc.errors[0];
    if (syntax) {
      const { line, col } = lineCounter.linePos(syntax.pos[0]);
      throw new MigrationError(`${name}:${line}:${col}: YAML syntax error: ${syntax.message.split('\n')[0]}`);
    }
    const resource = doc.toJS() as any;
    if (!resource || typeof resource !== 'object') return;
    const at = (...path: Array<string | number>) => positionOf(doc, lineCounter, name, path);
    if (resource.apiVersion !== OPERATOR_API_VERSION || resource.kind !== OPERATOR_ROLE_KIND) {
      notes.push(`${at()}: skipped ${resource.kind ?? 'a document'} ${resource.metadata?.name ?? `#${d + 1}`} (${resource.apiVersion ?? 'no apiVersion'}): not an ${OPERATOR_ROLE_KIND} of ${OPERATOR_API_VERSION}`);
      return;
    }
    roles.push(roleOf(resource.spec ?? {}, resource.metadata?.name, at, notes));
  });
  if (roles.length === 0) {
    throw new MigrationError(`${name}: no ${OPERATOR_ROLE_KIND} resource of ${OPERATOR_API_VERSION} found`);
  }
  return { roles, notes };
}

function roleOf(spec: any, metadataName: string | undefined, at: (...path: Array<string | number>) => string, notes: string[]): any {
  const role: Record<string, unknown> = { name: spec.roleName ?? metadataName, kind: 'assumable' };
  const copy: Array<[string, string]> = [['description', 'description'], ['path', 'path'], ['maxSessionDuration', 'maxSessionDurationSeconds'],
    ['managedPolicyArns', 'managedPolicyArns'], ['permissionsBoundary', 'permissionsBoundaryArn'], ['tags', 'tags']];
  for (const [from, to] of copy) {
    if (spec[from] !== undefined) role[to] = spec[from];
  }
  if (spec.assumeRolePolicyDocument === undefined) {
    throw new MigrationError(`${at('spec')}: spec.assumeRolePolicyDocument is missing; the operator requires it (who may assume the role)`);
  }
  // Text that parses becomes a YAML map, easier to read and review; text that does not is kept,
  // so the catalog reports the JSON error with its line and column.
  role.trustPolicy = parsedOrText(spec.assumeRolePolicyDocument);
  const inline: Array<[any, Array<string | number>]> = [
    ...(spec.inlinePolicy ? [[spec.inlinePolicy, ['spec', 'inlinePolicy']] as [any, Array<string | number>]] : []),
    ...(spec.inlinePolicies ?? []).map((p: any, i: number) => [p, ['spec', 'inlinePolicies', i]] as [any, Array<string | number>]),
  ];
  if (inline.length > 0) {
    role.policies = inline.map(([p, path]) => {
      try {
        return { name: p.policyName, statements: policyStatements(p.policyDocument) };
      } catch (e) {
        throw new MigrationError(`${at(...path, 'policyDocument')}: ${(e as Error).message}`);
      }
    });
  }
  if (spec.deletionPolicy !== undefined) {
    const removal = DELETION_POLICY[spec.deletionPolicy];
    if (!removal) {
      throw new MigrationError(`${at('spec', 'deletionPolicy')}: deletionPolicy ${JSON.stringify(spec.deletionPolicy)} has no removalPolicy; `
        + `the operator's values are ${Object.keys(DELETION_POLICY).map((v) => JSON.stringify(v)).join(', ')}`);
    }
    role.removalPolicy = removal;
  }
  for (const field of OPERATOR_ONLY) {
    if (spec[field] !== undefined) notes.push(`${at('spec', field)}: spec.${field} is not carried over: the stack's account and region decide where the role is created`);
  }
  const known = new Set([...copy.map(([from]) => from), 'roleName', 'assumeRolePolicyDocument', 'inlinePolicy', 'inlinePolicies', 'deletionPolicy', ...OPERATOR_ONLY]);
  const unknown = Object.keys(spec).find((f) => !known.has(f));
  if (unknown) {
    throw new MigrationError(`${at('spec', unknown)}: spec.${unknown} is not a field of the operator's ${OPERATOR_ROLE_KIND} this converter knows; remove it or add it to the catalog by hand`);
  }
  return role;
}

function parsedOrText(json: unknown): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}
