import { CATALOG_SCHEMA_FILE } from './catalog-schema';
import { MigrationResult } from './migration/migration-source';
import { rolesFromOperatorManifests } from './migration/operator-manifests';
import { rolesFromPulumiConfig } from './migration/pulumi-roles';
import { yamlLibrary } from '../private/lazy-modules';

/** Options of every converter. */
export interface RoleCatalogMigrationOptions {
  /**
   * The name of the input in messages and in the catalog's header comment, e.g. its file name.
   *
   * @default '<text>'
   */
  readonly sourceName?: string;

  /**
   * The catalog's `defaults:` block: fields every role gets unless it sets them, e.g.
   * `{ kind: 'cross-account', trustedRoleArns: ['arn:{partition}:iam::{account}:role/k8s-nodes'] }`.
   *
   * @default - no defaults block (required for a Pulumi iam-roles config, whose roles have no trust)
   */
  readonly defaults?: any;
}

/**
 * Converters from the role definitions of other tools to a role catalog (YAML text for
 * `RoleCatalog.fromFile`), for a one-time migration: review the output, commit it, and delete
 * the old definitions. Each converter fails with the file, line and column of input it cannot
 * carry over, and writes what it left to the stack as comments at the top of the catalog.
 *
 * The catalog is checked when `RoleCatalog` loads it (or with `RoleCatalog.validate`), as any
 * catalog: a converted trust policy meets the trust grammar and every check.
 *
 * @example
 * // manifestText: the IAMRole manifests, e.g. read from k8s/iam-roles.yaml
 * const catalogYaml = RoleCatalogMigration.fromOperatorManifests(manifestText, { sourceName: 'iam-roles.yaml' });
 */
export class RoleCatalogMigration {
  /**
   * From Kubernetes manifests (one or more YAML documents) of the infra operator's `IAMRole`
   * (`aws-infra-operator.runner.codes/v1alpha1`). Each becomes a role of kind `assumable`:
   * `roleName` the name, `assumeRolePolicyDocument` the `trustPolicy` (statements a typed
   * trust expresses are lifted into it when the catalog is loaded), `inlinePolicy` and
   * `inlinePolicies` the `policies`, `deletionPolicy` `Delete`/`Retain` the `removalPolicy`
   * `destroy`/`retain`; `description`, `path`, `maxSessionDuration`, `managedPolicyArns`,
   * `permissionsBoundary` and `tags` carry over. `providerRef` is left to the stack.
   *
   * @param text the manifests
   * @param options the input's name and a defaults block
   */
  public static fromOperatorManifests(text: string, options: RoleCatalogMigrationOptions = {}): string {
    const name = options.sourceName ?? '<text>';
    return catalogYaml(rolesFromOperatorManifests(text, name), name, 'Kubernetes IAMRole manifests of the infra operator', options.defaults);
  }

  /**
   * From a Pulumi stack config of the `iam-roles` module (`config: iam-roles:roles: [...]`,
   * roles with `name` and `policies`). Those roles have no trust: give who assumes them as
   * `defaults`, e.g. `{ kind: 'cross-account', trustedRoleArns: [...] }`.
   *
   * @param text the Pulumi stack config (`Pulumi.<stack>.yaml`)
   * @param options the input's name and the defaults block (required)
   */
  public static fromPulumiConfig(text: string, options: RoleCatalogMigrationOptions): string {
    const name = options?.sourceName ?? '<text>';
    if (!options?.defaults || typeof options.defaults !== 'object' || !options.defaults.kind) {
      throw new Error(`${name}: the roles of a Pulumi iam-roles config have no trust; give "defaults" with a kind and who assumes the roles, `
        + 'e.g. { kind: \'cross-account\', trustedRoleArns: [\'arn:{partition}:iam::{account}:role/k8s-nodes\'] }');
    }
    return catalogYaml(rolesFromPulumiConfig(text, name), name, 'a Pulumi iam-roles config', options.defaults);
  }

  private constructor() {}
}

/** The catalog as YAML text: a header naming the source and the notes, then the document. */
function catalogYaml(result: MigrationResult, name: string, what: string, defaults: unknown): string {
  const document = { version: 1, ...(defaults ? { defaults } : {}), roles: result.roles };
  const header = [
    `# yaml-language-server: $schema=node_modules/cdk-assumable-roles/${CATALOG_SCHEMA_FILE}`,
    `# Role catalog converted by cdk-assumable-roles from ${what} (${name}).`,
    ...result.notes.map((n) => `# Note: ${n}`),
  ];
  const { Document: YamlDocument, isScalar, visit } = yamlLibrary();
  const yaml = new YamlDocument(document);
  // Dates such as the policy Version 2012-10-17 are quoted: YAML 1.1 readers take them for timestamps.
  visit(yaml, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return `${header.join('\n')}\n${yaml.toString({ lineWidth: 0 })}`;
}
