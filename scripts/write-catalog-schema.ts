/**
 * Writes schema/role-catalog.schema.json, the JSON Schema of role catalogs for editors, from
 * the schema object in src/catalog/catalog-schema.ts (the one RoleCatalog validates with).
 *
 * Run by the projen task `schema:catalog`, which every build runs before compiling (it reads
 * src/ through ts-node, so it needs no lib/); after changing the schema, run
 *   npx projen schema:catalog
 * and commit the file. test/catalog/schema-file.test.ts fails while the committed file differs
 * from the object.
 */
import { writeGeneratedFile } from './write-generated-file';
import { CATALOG_SCHEMA_FILE, roleCatalogSchemaText } from '../src/catalog/catalog-schema';

writeGeneratedFile(CATALOG_SCHEMA_FILE, roleCatalogSchemaText());
