import type { Document, LineCounter } from 'yaml';
import { MigrationError, MigrationResult, positionOf } from './migration-source';
import { yamlLibrary } from '../../private/lazy-modules';

/**
 * Catalog entries from a Pulumi stack config of the `iam-roles` module (`Pulumi.<stack>.yaml`):
 * `config: {iam-roles:roles: [{name, policies: [{name, statements}]}]}`. Those roles carry no
 * trust (the module's roles were assumed through kube2iam), so the catalog needs a `defaults:`
 * block saying who assumes them.
 */

/** The config key of the module's roles. */
export const PULUMI_ROLES_KEY = 'iam-roles:roles';

export function rolesFromPulumiConfig(text: string, name: string): MigrationResult {
  const { LineCounter: Counter, parseDocument } = yamlLibrary();
  const lineCounter: LineCounter = new Counter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    throw new MigrationError(`${name}:${line}:${col}: YAML syntax error: ${syntax.message.split('\n')[0]}`);
  }
  const config = (doc.toJS() as any)?.config;
  const list = config?.[PULUMI_ROLES_KEY];
  if (!Array.isArray(list)) {
    throw new MigrationError(`${name}: no "config: ${PULUMI_ROLES_KEY}:" list found; expected a Pulumi stack config of the iam-roles module`);
  }
  const notes: string[] = [];
  const roles = list.map((entry: any, i: number) => {
    const at = (...path: Array<string | number>) => positionOf(doc, lineCounter, name, ['config', PULUMI_ROLES_KEY, i, ...path]);
    if (!entry || typeof entry !== 'object' || typeof entry.name !== 'string') {
      throw new MigrationError(`${at()}: a role of ${PULUMI_ROLES_KEY} needs a "name"`);
    }
    const unknown = Object.keys(entry).find((f) => f !== 'name' && f !== 'policies');
    if (unknown) {
      throw new MigrationError(`${at(unknown)}: "${unknown}" is not a field of the iam-roles module's roles (name, policies); remove it or add it to the catalog by hand`);
    }
    // The module's policies are already the catalog's shape: {name, statements}.
    return entry.policies === undefined ? { name: entry.name } : { name: entry.name, policies: entry.policies };
  });
  const others = Object.keys(config).filter((k) => k !== PULUMI_ROLES_KEY);
  if (others.length > 0) {
    notes.push(`${name}: config keys not carried over (the stack decides them): ${others.join(', ')}`);
  }
  return { roles, notes };
}
