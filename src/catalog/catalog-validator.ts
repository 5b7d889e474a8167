import type { ErrorObject, ValidateFunction } from 'ajv';
import { Token } from 'aws-cdk-lib';
import { applyDefaults, defaultsProblems, writtenPath } from './catalog-defaults';
import { EntryProblem, entryProblems } from './catalog-roles';
import { ALL_ROLE_FIELDS, fieldsOfKind, kindsWithField, ROLE_KINDS, roleCatalogSchema } from './catalog-schema';
import { CatalogSource, PathStep } from './catalog-source';
import { describeValue } from '../private/errors';
import { ajvClass } from '../private/lazy-modules';
import { StackEnv } from '../private/stack-env';

/** One fault of a catalog document: where it is and what was expected. */
export interface CatalogProblem {
  /** The path of the faulty value (or of the object holding a faulty key). */
  readonly path: PathStep[];
  /** The faulty key of the object at `path`, for messages about keys. */
  readonly key?: string;
  /** What is wrong and what was expected. */
  readonly message: string;
}

let compiled: { validate: ValidateFunction; schema: any } | undefined;

function validator(): { validate: ValidateFunction; schema: any } {
  if (!compiled) {
    const schema = roleCatalogSchema();
    const Ajv = ajvClass();
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    compiled = { validate: ajv.compile(schema), schema };
  }
  return compiled;
}

/**
 * Every problem of a catalog: syntax, then the schema, then the rules the schema cannot
 * express (duplicate names, placeholders, policy grammar, combinations of fields). Each
 * returned line names the source, the position when known, the path and the expectation.
 */
export function validateCatalog(source: CatalogSource, env: StackEnv = {}): string[] {
  if (source.syntaxProblems.length > 0) {
    return source.syntaxProblems;
  }
  const written = source.document;
  if (written === undefined || written === null || (typeof written === 'string' && written.trim() === '')) {
    return [`${source.name}: the document is empty; expected an object with a "roles" list, e.g. "roles: [{name: app, kind: service, services: [lambda]}]"`];
  }
  // Validated with the defaults applied, as the roles are built; reported where the text says it.
  const document = applyDefaults(written);
  const schema = schemaProblems(document, source);
  const problems = [...schema, ...ruleProblems(document), ...constructProblems(document, schema, env)]
    .map((p) => ({ ...p, ...writtenPath(written, p.path, p.key) }))
    .concat(defaultsProblems(written));
  return sortProblems(problems, source).map((p) => formatProblem(source, p));
}

/** `roles[2].trustedAccounts[0]`; `(top level)` for the document itself. */
export function pathText(path: PathStep[]): string {
  if (path.length === 0) {
    return '(top level)';
  }
  return path.map((step, i) => typeof step === 'number'
    ? `[${step}]`
    : /^[A-Za-z_$][\w$]*$/.test(step) ? `${i === 0 ? '' : '.'}${step}` : `[${JSON.stringify(step)}]`).join('');
}

function formatProblem(source: CatalogSource, problem: CatalogProblem): string {
  const position = source.locate(problem.path, problem.key);
  const where = position ? `${source.name}:${position.line}:${position.column}` : source.name;
  return `${where}: ${pathText(problem.path)}: ${problem.message}`;
}

/** Document order: by role, then by position in the text when known, else as found. */
function sortProblems(problems: CatalogProblem[], source: CatalogSource): CatalogProblem[] {
  const rank = (p: CatalogProblem) => (p.path[0] === 'roles' && typeof p.path[1] === 'number' ? p.path[1] : -1);
  const unique = problems.filter((p, i) => problems.findIndex((o) => pathText(o.path) === pathText(p.path) && o.message === p.message) === i);
  const keyed = unique.map((p, i) => {
    const position = source.locate(p.path, p.key);
    return { p, i, line: position?.line ?? 0, column: position?.column ?? 0 };
  });
  return keyed.sort((a, b) => rank(a.p) - rank(b.p) || a.line - b.line || a.column - b.column || a.i - b.i).map(({ p }) => p);
}

// ---------------------------------------------------------------------------------------
// Schema errors, turned into sentences
// ---------------------------------------------------------------------------------------

function schemaProblems(document: unknown, source: CatalogSource): CatalogProblem[] {
  const { validate, schema } = validator();
  if (validate(document)) {
    return [];
  }
  const errors = relevantErrors(validate.errors ?? [], document);
  return errors.map((error) => describe(error, document, schema, source));
}

function relevantErrors(errors: ErrorObject[], document: unknown): ErrorObject[] {
  const combinators = errors.filter((e) => ['anyOf', 'oneOf', 'propertyNames'].includes(e.keyword));
  const isChildOf = (e: ErrorObject, parent: ErrorObject) => e !== parent
    && e.instancePath === parent.instancePath && e.schemaPath.startsWith(`${parent.schemaPath}/`);
  return errors.filter((e) => {
    if (e.keyword === 'if') {
      return false; // "must match then": the then-branch's own errors say what is wrong
    }
    if (combinators.some((c) => isChildOf(e, c))) {
      return false; // the branches of anyOf / oneOf / propertyNames: the combinator's rule says it
    }
    if (e.keyword === 'propertyNames' && (e.parentSchema as any)?.['x-kind']) {
      const field = (e.params as any).propertyName;
      // An unknown field is already reported as such; with two trust kinds in one entry, the
      // "exactly one of" rule says it.
      if (errors.some((o) => o.keyword === 'additionalProperties' && o.instancePath === e.instancePath && (o.params as any).additionalProperty === field)
        || errors.some((o) => o.keyword === 'oneOf' && o.instancePath === e.instancePath)) {
        return false;
      }
    }
    if (isUnderStatements(steps(e.instancePath, document))) {
      return false; // statements are checked by the IAM policy validator, with its messages
    }
    return !isTokenValue(e.data);
  });
}

function isTokenValue(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && Token.isUnresolved(value);
}

/** Below `roles[i].policies[j].statements` (not the list itself). */
function isUnderStatements(path: PathStep[]): boolean {
  return path.length > 5 && path[0] === 'roles' && path[2] === 'policies' && path[4] === 'statements';
}

/** JSON pointer to steps, numbers for list indexes. */
function steps(pointer: string, document: unknown): PathStep[] {
  const result: PathStep[] = [];
  let value: any = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step: PathStep = Array.isArray(value) && /^\d+$/.test(key) ? Number(key) : key;
    result.push(step);
    value = value?.[step];
  }
  return result;
}

function describe(error: ErrorObject, document: unknown, schema: any, source: CatalogSource): CatalogProblem {
  const path = steps(error.instancePath, document);
  const parent = error.parentSchema as any;
  const rule: string | undefined = parent?.['x-rule'];
  const found = ` (found ${describeValue(error.data)})`;
  const params = error.params as any;
  switch (error.keyword) {
    case 'required': {
      const field = params.missingProperty as string;
      const context = parent?.['x-kind'] ? ` (required for ${parent['x-kind']})` : '';
      const about = fieldSchema(schema, path, field)?.description;
      return { path, message: `missing "${field}"${context}${about ? `: ${sentence(about)}` : ''}` };
    }
    case 'additionalProperties': {
      const field = params.additionalProperty as string;
      return { path, key: field, message: unknownField(field, path, document, schema) };
    }
    case 'propertyNames': {
      const field = params.propertyName as string;
      if (parent?.['x-kind']) {
        const owners = isRole(path) ? kindsWithField(field).map((k) => `kind "${k}"`) : [];
        const hint = owners.length > 0 ? `; it is a field of ${owners.join(' and ')}` : isRole(path) ? '' : trustEntryHint(field);
        return { path, key: field, message: `field "${field}" does not apply to ${parent['x-kind']}${hint}` };
      }
      const what = path[path.length - 1] === 'tags' ? 'tag name' : 'key';
      const allowed: string[] = parent?.propertyNames?.enum ?? [];
      const suggestion = allowed.find((a) => field.endsWith(`:${a}`)) ?? closest(field, allowed);
      return {
        path,
        key: field,
        message: `${what} ${JSON.stringify(field)} ${parent?.propertyNames?.['x-rule'] ?? 'is not allowed'}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      };
    }
    case 'enum':
    case 'const': {
      const suggestion = typeof error.data === 'string' ? closest(error.data, (params.allowedValues ?? [params.allowedValue]).map(String)) : undefined;
      return { path, message: `${rule ?? error.message}${found}${suggestion ? `; did you mean "${suggestion}"?` : ''}` };
    }
    case 'type': {
      const expected = rule ?? `must be ${article(String(params.type))}`;
      return { path, message: `${expected}${found}${typeHint(error.data, String(params.type), expected, path, source)}` };
    }
    case 'anyOf':
      return { path, message: rule ?? error.message ?? 'is invalid' };
    case 'oneOf': {
      const present = Object.keys(error.data && typeof error.data === 'object' ? error.data : {})
        .filter((k) => (parent?.oneOf ?? []).some((b: any) => b.required?.includes(k)));
      return { path, message: `${rule ?? error.message}${present.length === 0 ? ' (found none)' : ` (found ${present.map((k) => `"${k}"`).join(' and ')})`}` };
    }
    case 'maxProperties':
      return { path, message: `${rule ?? error.message} (found ${Object.keys(error.data ?? {}).length})` };
    default:
      return { path, message: `${rule ?? error.message}${found}` };
  }
}

function typeHint(data: unknown, type: string, expected: string, path: PathStep[], source: CatalogSource): string {
  if (typeof data === 'number' && type.includes('string') && !type.includes('object')) {
    if (source.format !== 'yaml') {
      return `; write it as a string: "${data}"`;
    }
    const written = source.rawText(path) ?? String(data);
    return `; quote it in YAML: '${written}'${/account/.test(expected) ? ' (unquoted, YAML reads digits as a number and drops leading zeros)' : ''}`;
  }
  if (path.length === 0 && Array.isArray(data)) {
    return '; put the list under "roles:"';
  }
  if (type === 'array' && typeof data === 'string') {
    return `; write a single value as a list: [${data}]`;
  }
  if (type === 'array' && data && typeof data === 'object') {
    return source.format === 'yaml' ? '; write it as a list ("- ..." items in YAML)' : '; write it as a list ([...])';
  }
  return '';
}

function unknownField(field: string, path: PathStep[], document: unknown, schema: any): string {
  let allowed: string[] = Object.keys(resolve(schema, schemaAt(schema, path))?.properties ?? {});
  let scope = '';
  if (isRole(path)) {
    const kind = valueAt(document, [...path, 'kind']);
    if (typeof kind === 'string' && (ROLE_KINDS as readonly string[]).includes(kind)) {
      allowed = fieldsOfKind(kind);
      scope = ` of kind "${kind}"`;
    } else {
      allowed = ALL_ROLE_FIELDS;
    }
  }
  const suggestion = closest(field, allowed);
  if (suggestion) {
    return `unknown field "${field}"; did you mean "${suggestion}"?`;
  }
  const elsewhere = isRole(path) ? closest(field, ALL_ROLE_FIELDS) : undefined;
  if (elsewhere) {
    return `unknown field "${field}"; did you mean "${elsewhere}" (a field of ${kindsWithField(elsewhere).map((k) => `kind "${k}"`).join(' and ')})?`;
  }
  const extension = path.length === 0 ? ' (and x-... extension fields, e.g. for YAML anchors)' : '';
  return `unknown field "${field}"; the fields${scope} are ${allowed.join(', ')}${extension}`;
}

function trustEntryHint(field: string): string {
  const owner: Record<string, string> = {
    restrictToSourceAccount: 'service',
    externalId: 'account or roleArn',
    requireMfa: 'account, roleArn or organization',
    branches: 'gitHubRepository or gitLabProject',
    environments: 'gitHubRepository',
    subjects: 'oidcProviderArn',
    audiences: 'oidcProviderArn, samlProviderArn, gitHubRepository, gitLabProject or hcpTerraformOrganization',
    organizationalUnits: 'organization',
    principalArnPatterns: 'organization',
    authenticated: 'cognitoIdentityPoolId',
    unauthenticated: 'cognitoIdentityPoolId',
    identityIds: 'cognitoIdentityPoolId',
    userIds: 'googleClientIds, facebookAppIds or loginWithAmazonAppIds',
    originalAudiences: 'googleClientIds',
    // CI identities
    tags: 'gitHubRepository or gitLabProject',
    pullRequests: 'gitHubRepository',
    subjectFormat: 'gitHubRepository',
    repositoryOwnerId: 'gitHubRepository',
    repositoryId: 'gitHubRepository',
    subjectClaimKeys: 'gitHubRepository',
    subjectClaimValues: 'gitHubRepository',
    jobWorkflowRefs: 'gitHubRepository',
    workflows: 'gitHubRepository',
    actors: 'gitHubRepository',
    actorIds: 'gitHubRepository',
    enterpriseId: 'gitHubRepository',
    projectId: 'gitLabProject',
    namespaceId: 'gitLabProject',
    protectedRefsOnly: 'gitLabProject',
    projects: 'hcpTerraformOrganization',
    workspaces: 'hcpTerraformOrganization',
    runPhases: 'hcpTerraformOrganization',
    instanceUrl: 'gitLabProject or hcpTerraformOrganization',
    clusterNames: 'eksPodIdentity or eksPodIdentityRoleArn',
    clusterArns: 'eksPodIdentity or eksPodIdentityRoleArn',
    namespaces: 'eksPodIdentity or eksPodIdentityRoleArn',
    serviceAccounts: 'eksPodIdentity or eksPodIdentityRoleArn',
  };
  return owner[field] ? `; it goes with ${owner[field]}` : '';
}

function isRole(path: PathStep[]): boolean {
  return path.length === 2 && path[0] === 'roles' && typeof path[1] === 'number';
}

/** The (unresolved) schema of the value at a path. */
function schemaAt(schema: any, path: PathStep[]): any {
  let node = schema;
  for (const step of path) {
    node = resolve(schema, node);
    if (typeof step === 'number') {
      node = node?.items;
    } else {
      node = node?.properties?.[step] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined);
    }
  }
  return node;
}

function fieldSchema(schema: any, path: PathStep[], field: string): any {
  const node = resolve(schema, schemaAt(schema, path))?.properties?.[field];
  return node?.description ? node : resolve(schema, node);
}

function resolve(schema: any, node: any): any {
  let current = node;
  while (current && typeof current.$ref === 'string' && current.$ref.startsWith('#/definitions/')) {
    current = schema.definitions[current.$ref.slice('#/definitions/'.length)];
  }
  return current;
}

// ---------------------------------------------------------------------------------------
// The role constructs' own validators, over the props each entry becomes
// ---------------------------------------------------------------------------------------

/**
 * What the role constructs find in each entry: every rule of IAM that is not a pattern of the
 * schema (placeholders, policy grammar, combinations of fields, rules that depend on the
 * stack). An entry the schema rejects may not even become props; its construct problems are
 * reported where they do not repeat a schema problem, once it does.
 */
function constructProblems(document: unknown, schema: CatalogProblem[], env: StackEnv): CatalogProblem[] {
  const roles = (document as any)?.roles;
  if (!Array.isArray(roles)) {
    return [];
  }
  return roles.flatMap((entry: any, i: number) => {
    const faults = schema.filter((p) => p.path[0] === 'roles' && p.path[1] === i);
    if (faults.some((f) => f.path.length <= 2)) {
      return []; // the entry as a whole is wrong (kind, a missing field): its fields are judged once it is fixed
    }
    let found: EntryProblem[];
    try {
      found = entryProblems(entry, env);
    } catch (e) {
      if (faults.length === 0) {
        throw e; // an entry the schema accepts must become props: a bug, not a fault of the catalog
      }
      return [];
    }
    return found
      .map((p) => ({ path: ['roles', i, ...p.path], message: p.message }))
      .filter((p) => !faults.some((f) => isPrefix(f.path, p.path) || isPrefix(p.path, f.path) || sameTrustEntry(f.path, p.path)));
  });
}

/** Whether two paths are in the same trust entry (`roles[i].trust[j]`): a schema fault there says what the construct would say again. */
function sameTrustEntry(a: PathStep[], b: PathStep[]): boolean {
  return a.length > 4 && b.length > 4 && a[2] === 'trust' && b[2] === 'trust' && a[3] === b[3];
}

function isPrefix(prefix: PathStep[], path: PathStep[]): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step);
}

// ---------------------------------------------------------------------------------------
// Rules of the catalog's own format
// ---------------------------------------------------------------------------------------

function ruleProblems(document: unknown): CatalogProblem[] {
  const roles = (document as any)?.roles;
  if (!Array.isArray(roles)) {
    return [];
  }
  const problems: CatalogProblem[] = [];
  const seen = new Map<string, number>();
  roles.forEach((role: any, i: number) => {
    if (!role || typeof role !== 'object' || Array.isArray(role)) {
      return;
    }
    const at = (...rest: PathStep[]): PathStep[] => ['roles', i, ...rest];
    if (typeof role.name === 'string') {
      const key = role.name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        const earlier = roles[first].name;
        problems.push({
          path: at('name'),
          message: `duplicate role name ${JSON.stringify(role.name)}: roles[${first}].name is ${JSON.stringify(earlier)}${earlier === role.name ? '' : ', and IAM compares role names case-insensitively'}; role names must be unique`,
        });
      } else {
        seen.set(key, i);
      }
    }
    if (Array.isArray(role.policies)) {
      problems.push(...policyNameProblems(role.policies, at('policies')));
    }
  });
  return problems;
}

/** Inline policy names are unique per role (the constructs take them as a map). */
function policyNameProblems(policies: any[], path: PathStep[]): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const names = new Map<string, number>();
  policies.forEach((policy, j) => {
    if (!policy || typeof policy !== 'object') {
      return;
    }
    if (typeof policy.name === 'string') {
      const first = names.get(policy.name);
      if (first !== undefined) {
        problems.push({ path: [...path, j, 'name'], message: `duplicate policy name ${JSON.stringify(policy.name)}: ${pathText([...path, first, 'name'])} has it too; inline policy names must be unique per role` });
      } else {
        names.set(policy.name, j);
      }
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------
// Small helpers for messages
// ---------------------------------------------------------------------------------------

function valueAt(document: unknown, path: PathStep[]): unknown {
  return path.reduce((v: any, step) => (v && typeof v === 'object' ? v[step] : undefined), document);
}

function article(type: string): string {
  const words: Record<string, string> = { string: 'a string', array: 'a list', object: 'a map', boolean: 'true or false', integer: 'a whole number', number: 'a number' };
  return type.split(',').map((t) => words[t] ?? t).join(' or ');
}

/** The first sentence of a description, to follow a colon. */
function sentence(description: string): string {
  const text = description.split(/\.(?=\s+[A-Z]|$)/)[0];
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** The allowed word closest to `word` (case-insensitive, within a small edit distance). */
export function closest(word: string, candidates: string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
