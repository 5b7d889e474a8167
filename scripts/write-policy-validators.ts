/**
 * Writes src/validation/policy-grammar.generated.ts (see policy-validators-source.ts).
 *
 * Run by the projen task `schema:policy`, which every build runs before compiling; after
 * changing src/validation/policy-schema.ts, run `npx projen schema:policy` and commit the file.
 * test/validation/policy-grammar-generated.test.ts fails while the committed file is stale.
 */
import { POLICY_VALIDATORS_FILE, policyValidatorsSource } from './policy-validators-source';
import { writeGeneratedFile } from './write-generated-file';

writeGeneratedFile(POLICY_VALIDATORS_FILE, policyValidatorsSource());
