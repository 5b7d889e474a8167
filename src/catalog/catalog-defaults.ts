import { fieldsOfKind, kindsWithField, ROLE_KINDS } from './catalog-schema';
import { PathStep } from './catalog-source';

/**
 * The `defaults:` block of a catalog: fields every role entry gets unless it sets them itself,
 * so a list of roles written for another tool (a Pulumi `iam-roles:roles` list: names and
 * policies) becomes a catalog by adding a few lines. A field of one kind (e.g. `services`) is
 * applied only to roles of that kind: a role that sets another `kind` does not inherit it.
 * Values are not merged: a role's own `tags` replace the default `tags`.
 */

/** The document with `defaults` applied to each role entry (the document itself when it has none). */
export function applyDefaults(document: unknown): unknown {
  const defaults = defaultsOf(document);
  const roles = (document as any)?.roles;
  if (!defaults || !Array.isArray(roles)) {
    return document;
  }
  return { ...(document as object), roles: roles.map((role) => withDefaults(role, defaults)) };
}

function withDefaults(role: unknown, defaults: Record<string, unknown>): unknown {
  if (!role || typeof role !== 'object' || Array.isArray(role)) {
    return role;
  }
  const own = role as Record<string, unknown>;
  const kind = own.kind ?? defaults.kind;
  const applicable = new Set(typeof kind === 'string' ? fieldsOfKind(kind) : Object.keys(defaults));
  const inherited = Object.entries(defaults).filter(([field]) => !(field in own) && applicable.has(field));
  // Own fields first, so messages and construct props keep the entry's order.
  return { ...own, ...Object.fromEntries(inherited) };
}

/**
 * Where a value of the document with defaults applied was written: a field a role inherited is
 * reported at `defaults.<field>`, so the message points at the line to fix.
 */
export function writtenPath(document: unknown, path: PathStep[], key?: string): { path: PathStep[]; key?: string } {
  const defaults = defaultsOf(document);
  if (!defaults || path[0] !== 'roles' || typeof path[1] !== 'number') {
    return { path, key };
  }
  const role = (document as any).roles?.[path[1]];
  if (!role || typeof role !== 'object') {
    return { path, key };
  }
  const field = path.length > 2 ? path[2] : key;
  if (typeof field !== 'string' || field in role || !(field in defaults)) {
    return { path, key };
  }
  return path.length > 2 ? { path: ['defaults', ...path.slice(2)], key } : { path: ['defaults'], key };
}

function defaultsOf(document: unknown): Record<string, unknown> | undefined {
  const defaults = (document as any)?.defaults;
  return defaults && typeof defaults === 'object' && !Array.isArray(defaults) ? defaults : undefined;
}

/**
 * Fields of `defaults` that no role of `defaults.kind` could take: a role inherits them only
 * when it sets that other kind itself, which is rarely what was meant.
 */
export function defaultsProblems(document: unknown): Array<{ path: PathStep[]; key: string; message: string }> {
  const defaults = defaultsOf(document);
  const kind = defaults?.kind;
  if (!defaults || typeof kind !== 'string' || !(ROLE_KINDS as readonly string[]).includes(kind)) {
    return [];
  }
  const fields = fieldsOfKind(kind);
  return Object.keys(defaults).filter((field) => !fields.includes(field) && kindsWithField(field).length > 0).map((field) => ({
    path: ['defaults'],
    key: field,
    message: `field "${field}" does not apply to the default kind "${kind}"; it is a field of ${kindsWithField(field).map((k) => `kind "${k}"`).join(' and ')}: set it on the roles of that kind`,
  }));
}
