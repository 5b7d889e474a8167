import * as path from 'path';
import { Construct } from 'constructs';
import { applyDefaults } from './catalog-defaults';
import { createRole } from './catalog-roles';
import { CATALOG_SCHEMA_FILE, roleCatalogSchema } from './catalog-schema';
import { CatalogSource, objectSource, parseCatalogText, readCatalogFile } from './catalog-source';
import { validateCatalog } from './catalog-validator';
import { stackEnvOf } from '../private/stack-env';
import { AssumableRole } from '../roles/assumable-role';

/**
 * The text formats of a role catalog.
 */
export enum RoleCatalogFormat {
  /** YAML (1.2). */
  YAML = 'yaml',
  /** JSON. */
  JSON = 'json',
}

/**
 * Options of every way to load a role catalog.
 */
export interface RoleCatalogOptions {
  /**
   * The name of the document in error messages, e.g. the file or URL it came from.
   *
   * @default - the file path as given for a file, `<object>` for a document object, `<text>` for text
   */
  readonly sourceName?: string;
}

/**
 * Props of `RoleCatalog`: the document, given in exactly one of `document`, `file` or `text`.
 */
export interface RoleCatalogProps extends RoleCatalogOptions {
  /**
   * The catalog as an already parsed object, e.g. `{ roles: [{ name: 'app', kind: 'service', services: ['lambda'] }] }`.
   *
   * @default - give `file` or `text` instead
   */
  readonly document?: any;

  /**
   * The path of a catalog file ending in `.yaml`, `.yml` or `.json`, relative to the current
   * directory (where `cdk` runs the app) or absolute.
   *
   * @default - give `document` or `text` instead
   */
  readonly file?: string;

  /**
   * The catalog as YAML or JSON text (see `format`).
   *
   * @default - give `document` or `file` instead
   */
  readonly text?: string;

  /**
   * The format of `text`.
   *
   * @default RoleCatalogFormat.YAML
   */
  readonly format?: RoleCatalogFormat;
}

/**
 * What `RoleCatalog.validate` checks: the document, as for the constructor, and the account
 * and region of the stack the catalog will be in, for the rules that depend on them.
 */
export interface RoleCatalogValidateProps extends RoleCatalogProps {
  /**
   * The account of the stack the catalog will be in, e.g. to report an OIDC provider ARN of
   * another account (STS accepts web identities only through a provider of the role's own
   * account).
   *
   * @default - rules that depend on the account are not checked
   */
  readonly account?: string;

  /**
   * The region of the stack the catalog will be in.
   *
   * @default - rules that depend on the region are not checked
   */
  readonly region?: string;
}

/**
 * IAM roles created from a catalog document (YAML or JSON), the way a platform team keeps a
 * list of roles next to its app.
 *
 * Each entry has a `name`, a `kind` (`service`, `cross-account`, `irsa`, `bounded` or
 * `assumable`) and the fields of its kind, and becomes a `ServiceRole`, `CrossAccountRole`,
 * `IrsaRole`, `BoundedRole` or `AssumableRole` named after it, so every check of those
 * constructs applies. A `defaults:` block gives fields to every entry that does not set them,
 * and `trustPolicy` takes a whole trust policy as JSON (`Trust.fromPolicyJson`). ARNs and
 * policy strings may use `{partition}`, `{account}`, `{region}` and `{urlSuffix}`.
 *
 * The whole document is validated before any role is created, against a JSON Schema (see
 * `RoleCatalog.jsonSchema()` and the package's `schema/role-catalog.schema.json`) and rules
 * the schema cannot express (duplicate names, unknown placeholders, the IAM policy grammar).
 * An invalid document creates nothing and fails with every problem at once, each naming the
 * file, the line and column when known, the path (e.g. `roles[2].trustedAccounts[0]`) and
 * what was expected.
 *
 * @example
 * // roles.yaml:
 * // roles:
 * //   - name: report-builder
 * //     kind: service
 * //     services: [lambda]
 * //     awsManagedPolicyNames: [service-role/AWSLambdaBasicExecutionRole]
 * const catalog = RoleCatalog.fromFile(this, 'Roles', 'roles.yaml');
 * catalog.role('report-builder').grantPassRole(new iam.AccountRootPrincipal());
 */
export class RoleCatalog extends Construct {
  /**
   * Roles from a `.yaml`, `.yml` or `.json` file.
   *
   * @param scope the construct the catalog belongs to
   * @param id the catalog's construct ID
   * @param file the file path, relative to the current directory or absolute
   * @param options the name used in messages
   */
  public static fromFile(scope: Construct, id: string, file: string, options: RoleCatalogOptions = {}): RoleCatalog {
    return new RoleCatalog(scope, id, { ...options, file });
  }

  /**
   * Roles from YAML text.
   *
   * @param scope the construct the catalog belongs to
   * @param id the catalog's construct ID
   * @param text the YAML document
   * @param options the name used in messages
   */
  public static fromYaml(scope: Construct, id: string, text: string, options: RoleCatalogOptions = {}): RoleCatalog {
    return new RoleCatalog(scope, id, { ...options, text, format: RoleCatalogFormat.YAML });
  }

  /**
   * Roles from JSON text.
   *
   * @param scope the construct the catalog belongs to
   * @param id the catalog's construct ID
   * @param text the JSON document
   * @param options the name used in messages
   */
  public static fromJson(scope: Construct, id: string, text: string, options: RoleCatalogOptions = {}): RoleCatalog {
    return new RoleCatalog(scope, id, { ...options, text, format: RoleCatalogFormat.JSON });
  }

  /**
   * Roles from an already parsed document, e.g. `{ roles: [...] }`.
   *
   * @param scope the construct the catalog belongs to
   * @param id the catalog's construct ID
   * @param document the catalog object
   * @param options the name used in messages
   */
  public static fromObject(scope: Construct, id: string, document: any, options: RoleCatalogOptions = {}): RoleCatalog {
    return new RoleCatalog(scope, id, { ...options, document });
  }

  /**
   * Checks a catalog without creating anything, e.g. in a pre-commit hook or a unit test of
   * the catalog file. Returns one message per problem (file, position, path, expectation);
   * an empty list when the catalog is valid.
   *
   * It runs the same checks as the constructor: the JSON Schema, then the role constructs' own
   * validators over the props each entry becomes. Give the account and region of the stack the
   * catalog will be in to also check the rules that depend on them (an OIDC provider ARN of
   * another account); building in that stack then succeeds exactly when this returns no problem.
   *
   * @param props the document, as for the constructor, and the stack's account and region when known
   */
  public static validate(props: RoleCatalogValidateProps): string[] {
    let source: CatalogSource;
    try {
      source = loadSource(props, 'RoleCatalog.validate');
    } catch (e) {
      if (props?.file !== undefined && typeof props.file === 'string') {
        return [(e as Error).message];
      }
      throw e;
    }
    return validateCatalog(source, { account: props.account, region: props.region });
  }

  /**
   * The JSON Schema (draft-07) of a catalog document, as a new object. The same schema is
   * in the package as `schema/role-catalog.schema.json`, for editors.
   */
  public static jsonSchema(): any {
    return roleCatalogSchema();
  }

  /**
   * The absolute path of `role-catalog.schema.json` in the installed package, e.g. to copy
   * it next to a catalog for an editor.
   */
  public static schemaFilePath(): string {
    return path.join(__dirname, '..', '..', CATALOG_SCHEMA_FILE);
  }

  /**
   * The name of the document in messages: the file path, `<object>`, `<text>` or `sourceName`.
   */
  public readonly sourceName: string;

  private readonly created: AssumableRole[];
  private readonly names: string[];

  /**
   * @param scope the construct the catalog belongs to
   * @param id the catalog's construct ID; the roles are its children, each with its name as ID
   * @param props the document: exactly one of `document`, `file` or `text`
   */
  constructor(scope: Construct, id: string, props: RoleCatalogProps) {
    // Everything is loaded and validated before the catalog joins the construct tree, so an
    // invalid document leaves no trace in the app.
    let source: CatalogSource;
    try {
      source = loadSource(props, pathOf(scope, id));
    } catch (e) {
      // File errors name the file; add the construct that asked for it.
      const message = (e as Error).message;
      throw new Error(message.startsWith(`${pathOf(scope, id)}: `) ? message : `${pathOf(scope, id)}: ${message}`);
    }
    const problems = validateCatalog(source, stackEnvOf(scope));
    if (problems.length > 0) {
      throw new Error(`${pathOf(scope, id)}: invalid role catalog ${source.name} (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}); no role was created:\n`
        + problems.map((p) => `  ${p}`).join('\n'));
    }
    super(scope, id);
    this.sourceName = source.name;
    this.created = [];
    this.names = [];

    // The validation above ran the role constructs' own validators over the same props, so
    // building cannot fail on input.
    for (const entry of (applyDefaults(source.document) as any).roles as any[]) {
      this.created.push(createRole(this, entry));
      this.names.push(entry.name);
    }
  }

  /**
   * The roles, in the order of the document.
   */
  public get roles(): AssumableRole[] {
    return [...this.created];
  }

  /**
   * The role names, in the order of the document.
   */
  public get roleNames(): string[] {
    return [...this.names];
  }

  /**
   * The role of this name. Names are matched as IAM matches them: case-insensitively.
   *
   * @param name the role name, as in the document
   */
  public role(name: string): AssumableRole {
    let index = this.names.indexOf(name);
    if (index < 0) {
      index = this.names.findIndex((n) => n.toLowerCase() === String(name).toLowerCase());
    }
    if (index < 0) {
      const known = this.names.map((n) => JSON.stringify(n));
      throw new Error(`${this.node.path}: no role named ${JSON.stringify(name)} in the role catalog ${this.sourceName}; `
        + (known.length > 0 ? `its roles are ${known.join(', ')}` : 'it has no roles'));
    }
    return this.created[index];
  }
}

/** The construct path the catalog would have: it is not in the tree while it is validated. */
function pathOf(scope: Construct, id: string): string {
  return scope.node.path ? `${scope.node.path}/${id}` : id;
}

/** Loads the document; `who` starts messages about the props themselves. */
function loadSource(props: RoleCatalogProps, who: string): CatalogSource {
  const given = (['document', 'file', 'text'] as const).filter((k) => props?.[k] !== undefined);
  if (given.length !== 1) {
    throw new Error(`${who}: give the catalog in exactly one of "document", "file" or "text" (${given.length === 0 ? 'none is given' : `${given.join(' and ')} are given`})`);
  }
  if (props.file !== undefined) {
    if (typeof props.file !== 'string' || props.file === '') {
      throw new Error(`${who}: "file" must be the path of a .yaml, .yml or .json file`);
    }
    return readCatalogFile(props.file, props.sourceName ?? props.file);
  }
  if (props.text !== undefined) {
    if (typeof props.text !== 'string') {
      throw new Error(`${who}: "text" must be YAML or JSON text; give a parsed object as "document"`);
    }
    const format = props.format ?? RoleCatalogFormat.YAML;
    if (format !== RoleCatalogFormat.YAML && format !== RoleCatalogFormat.JSON) {
      throw new Error(`${who}: unknown format ${JSON.stringify(format)}; use RoleCatalogFormat.YAML or RoleCatalogFormat.JSON`);
    }
    return parseCatalogText(props.text, format === RoleCatalogFormat.JSON ? 'json' : 'yaml', props.sourceName ?? '<text>');
  }
  return objectSource(copyData(props.document), props.sourceName ?? '<object>');
}

/** A copy of plain data (lists and plain objects), so later changes to the caller's object do not reach the roles. */
function copyData(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(copyData);
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyData(v)]));
  }
  return value;
}
