import type { Document, LineCounter, Node } from 'yaml';
import { yamlLibrary } from '../../private/lazy-modules';
import { jsonSyntaxProblem } from '../../private/policy-input';

/** What a reader found: catalog role entries, and notes on what it did not carry over. */
export interface MigrationResult {
  readonly roles: any[];
  readonly notes: string[];
}

/** Input a converter cannot turn into a catalog; the message names the file and place. */
export class MigrationError extends Error {}

/** `file:line:column` of the value at a path of a YAML document, or `file` when not found. */
export function positionOf(doc: Document, lineCounter: LineCounter, name: string, path: Array<string | number>): string {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  for (const step of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      // A field is reported at its key, where the line to fix starts.
      next = pair && path[path.length - 1] === step ? pair.key : pair?.value;
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
    }
    if (!next) break;
    node = next;
  }
  const range = (node as Node | undefined)?.range;
  if (!range) return name;
  const { line, col } = lineCounter.linePos(range[0]);
  return `${name}:${line}:${col}`;
}

/** The statements of a policy document given as JSON text or as a map (a single statement becomes a list). */
export function policyStatements(document: unknown): unknown {
  let value = document;
  if (typeof document === 'string') {
    const parsed = jsonSyntaxProblem(document);
    if (parsed.problem) {
      throw new MigrationError(parsed.problem);
    }
    value = parsed.value;
  }
  const statements = (value as any)?.Statement;
  return Array.isArray(statements) || statements === undefined ? statements : [statements];
}
