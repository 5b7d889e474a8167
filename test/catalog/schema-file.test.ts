import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import * as YAML from 'yaml';
import { CATALOG_SCHEMA_FILE, roleCatalogSchema, roleCatalogSchemaText } from '../../src/catalog/catalog-schema';
import { RoleCatalog } from '../../src/catalog/role-catalog';

const ROOT = path.join(__dirname, '..', '..');
const COMMITTED = path.join(ROOT, CATALOG_SCHEMA_FILE);

/** Every subschema of a schema, with its JSON pointer. */
function subschemas(node: any, pointer = '#'): Array<[string, any]> {
  if (!node || typeof node !== 'object') {
    return [];
  }
  const found: Array<[string, any]> = Array.isArray(node) ? [] : [[pointer, node]];
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'enum' && key !== 'const' && key !== 'default' && value && typeof value === 'object') {
      found.push(...subschemas(value, `${pointer}/${key}`));
    }
  }
  return found;
}

describe('schema/role-catalog.schema.json', () => {
  test('is the schema object of src/catalog/catalog-schema.ts', () => {
    const committed = fs.existsSync(COMMITTED) ? fs.readFileSync(COMMITTED, 'utf-8') : '(missing)';
    // When this fails, run `npx projen schema:catalog` (every build runs it) and commit the file.
    expect(committed).toBe(roleCatalogSchemaText());
  });

  test('is what RoleCatalog.jsonSchema() returns and what schemaFilePath() points to', () => {
    expect(JSON.parse(fs.readFileSync(COMMITTED, 'utf-8'))).toEqual(RoleCatalog.jsonSchema());
    expect(path.resolve(RoleCatalog.schemaFilePath())).toBe(COMMITTED);
  });

  test('is a valid draft-07 JSON Schema', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(roleCatalogSchema())).toBe(true);
    expect(ajv.errors).toBeNull();
  });

  test('rejects unknown fields in every object it describes', () => {
    const open = subschemas(roleCatalogSchema())
      // The if/then at the top (a role's kind may come from defaults) only adds a requirement to objects described elsewhere.
      .filter(([pointer, s]) => s.properties !== undefined && s.additionalProperties !== false && !pointer.endsWith('/if') && !['#/then', '#/if/not'].includes(pointer))
      .map(([pointer]) => pointer);
    expect(open).toEqual([]);
  });

  test('describes every role field, for editor completion', () => {
    const schema = roleCatalogSchema();
    const fields = Object.entries<any>(schema.definitions.role.properties);
    const undocumented = fields.filter(([, s]) => !(s.description ?? schema.definitions[String(s.$ref).split('/').pop()!]?.description)).map(([k]) => k);
    expect(undocumented).toEqual([]);
  });

  test('validates the example catalog with a plain JSON Schema validator, as an editor would', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(COMMITTED, 'utf-8')));
    const example = YAML.parse(fs.readFileSync(path.join(ROOT, 'examples', 'catalog', 'roles.yaml'), 'utf-8'));
    expect(validate(example)).toBe(true);
    expect(validate({ roles: [{ name: 'app', kind: 'service' }] })).toBe(false);
  });

  test('the example names the schema for the YAML language server', () => {
    const example = fs.readFileSync(path.join(ROOT, 'examples', 'catalog', 'roles.yaml'), 'utf-8');
    const reference = /^# yaml-language-server: \$schema=(\S+)$/m.exec(example)?.[1];
    expect(reference).toBeDefined();
    expect(path.resolve(ROOT, 'examples', 'catalog', reference!)).toBe(COMMITTED);
  });
});
