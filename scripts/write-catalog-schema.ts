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
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG_SCHEMA_FILE, roleCatalogSchemaText } from '../src/catalog/catalog-schema';

const target = path.join(__dirname, '..', CATALOG_SCHEMA_FILE);
const text = roleCatalogSchemaText();
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf-8') : undefined;
if (current === text) {
  console.log(`${CATALOG_SCHEMA_FILE} is up to date`);
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`wrote ${CATALOG_SCHEMA_FILE}`);
}
