/**
 * The bundled libraries, loaded on first use instead of when the package is imported: most
 * syntheses never read a catalog, print a manifest or meet a JSON syntax error, and loading
 * yaml, ajv and jsonc-parser up front cost every `cdk synth` about 60 ms (bench/).
 * `import type` keeps the types; only these functions load the code.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Ajv from 'ajv';
import type * as JsoncParser from 'jsonc-parser';
import type * as Yaml from 'yaml';

/** The yaml library: catalogs and Kubernetes manifests. */
export function yamlLibrary(): typeof Yaml {
  return require('yaml');
}

/** ajv's class: compiles the catalog schema when a catalog is read. */
export function ajvClass(): typeof Ajv.default {
  return require('ajv').default;
}

/** jsonc-parser: places JSON syntax errors by line and column. */
export function jsoncParser(): typeof JsoncParser {
  return require('jsonc-parser');
}
