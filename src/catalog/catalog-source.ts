import * as fs from 'fs';
import * as path from 'path';
import type { Node } from 'yaml';
import { parseJson } from '../private/json-syntax';
import { yamlLibrary } from '../private/lazy-modules';

/** A step of a path into a document: an object key or a list index. */
export type PathStep = string | number;

/** A loaded catalog document with what messages need: its name and source positions. */
export interface CatalogSource {
  /** The name used in messages: the file path as given, `<object>` or `<text>`. */
  readonly name: string;
  /** The parsed document; `undefined` when it could not be parsed. */
  readonly document: unknown;
  /** Syntax problems, each already a full message line. */
  readonly syntaxProblems: string[];
  /** What the document was written in. */
  readonly format: SourceFormat | 'object';
  /** The text of a scalar value as written, e.g. `012345678901` for a YAML number. */
  rawText(path: PathStep[]): string | undefined;
  /** Where a value (or, with `key`, an object key) starts in the text, when known. */
  locate(path: PathStep[], key?: string): Position | undefined;
}

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The text formats a catalog may be written in. */
export type SourceFormat = 'yaml' | 'json';

/** The format of a catalog file, from its extension. */
export function formatOfFile(file: string): SourceFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.yaml' || ext === '.yml' ? 'yaml' : ext === '.json' ? 'json' : undefined;
}

/** Reads a catalog file; the error names the file (or `name`) and what is wrong. */
export function readCatalogFile(file: string, name: string = file): CatalogSource {
  const format = formatOfFile(file);
  if (!format) {
    throw new Error(`${name}: a role catalog file must end in .yaml, .yml or .json`);
  }
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf-8');
  } catch (e) {
    throw new Error(`${name}: cannot read the role catalog: ${(e as Error).message}`);
  }
  return parseCatalogText(text, format, name);
}

/** A document given as an object: no positions. */
export function objectSource(document: unknown, name: string): CatalogSource {
  return { name, document, format: 'object', syntaxProblems: [], locate: () => undefined, rawText: () => undefined };
}

/** Parses YAML or JSON text, keeping node positions for messages. */
export function parseCatalogText(input: string, format: SourceFormat, name: string): CatalogSource {
  const text = input.replace(/^\uFEFF/, '');
  const { LineCounter, parseDocument, isMap, isScalar } = yamlLibrary();
  const lineCounter = new LineCounter();
  // JSON text is YAML too; parsing it as YAML as well gives the positions of its values.
  // Merge keys (`<<: *defaults`) are allowed, so entries can share settings through anchors.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (steps: PathStep[], key?: string): Position | undefined => {
    const node = nodeAt(doc.contents as Node | null, steps);
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) {
        return position(keyNode.range[0]);
      }
    }
    return node?.range ? position(node.range[0]) : undefined;
  };
  const rawText = (steps: PathStep[]): string | undefined => {
    const node = nodeAt(doc.contents as Node | null, steps, true);
    return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
  };
  const base = { name, format, locate, rawText };

  if (format === 'json') {
    const parsed = parseJson(text);
    if (parsed.error) {
      const { line, column, problem } = parsed.error;
      return {
        ...base,
        document: undefined,
        syntaxProblems: [`${name}:${line}:${column}: JSON syntax error: ${problem} (comments and trailing commas are not JSON; use a .yaml file for those)`],
      };
    }
    return { ...base, document: parsed.value, syntaxProblems: [] };
  }

  const problems = doc.errors.map((error) => {
    const [start] = error.pos;
    const { line, column } = position(start);
    return `${name}:${line}:${column}: YAML syntax error: ${firstLine(error.message)}`;
  });
  if (problems.length > 0) {
    return { ...base, document: undefined, syntaxProblems: problems };
  }
  let document: unknown;
  try {
    document = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { ...base, document: undefined, syntaxProblems: [`${name}: YAML error: ${(e as Error).message}`] };
  }
  return { ...base, document, syntaxProblems: [] };
}

/**
 * The node at a path, or the deepest node on the way there when the path leaves the written
 * text (values that come from a merge key or an alias are reported where they are used).
 */
function nodeAt(root: Node | null, steps: PathStep[], exact: boolean = false): Node | undefined {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  let node: unknown = root;
  for (const step of steps) {
    let next: unknown;
    if (isMap(node)) {
      next = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))?.value;
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
    }
    if (!next) {
      if (exact) {
        return undefined;
      }
      break;
    }
    node = next;
  }
  return (node ?? undefined) as Node | undefined;
}

function firstLine(message: string): string {
  // yaml's messages end with "at line L, column C" and, with prettyErrors, a code excerpt.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
