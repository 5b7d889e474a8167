/**
 * Writes src/validation/policy-grammar.generated.ts (see policy-validators-source.ts).
 *
 * Run by the projen task `schema:policy`, which every build runs before compiling; after
 * changing src/validation/policy-schema.ts, run `npx projen schema:policy` and commit the file.
 * test/validation/policy-grammar-generated.test.ts fails while the committed file is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { POLICY_VALIDATORS_FILE, policyValidatorsSource } from './policy-validators-source';

const target = path.join(__dirname, '..', POLICY_VALIDATORS_FILE);
const text = policyValidatorsSource();
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf-8') : undefined;
if (current === text) {
  console.log(`${POLICY_VALIDATORS_FILE} is up to date`);
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${POLICY_VALIDATORS_FILE}`);
}
