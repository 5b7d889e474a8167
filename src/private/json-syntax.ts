import type { ParseError } from 'jsonc-parser';
import { jsoncParser } from './lazy-modules';

/** Where JSON text is first broken, 1-based, and what is wrong there. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  /** What is wrong, e.g. `expected a value`. */
  readonly problem: string;
}

/**
 * Parses JSON text strictly (no comments, no trailing commas). Node's `JSON.parse` does not say
 * where some errors are (`Unexpected token '}', ... is not valid JSON`), so the position comes
 * from jsonc-parser's scanner, which reports an offset for every syntax error.
 *
 * @returns the parsed value, or the first syntax error
 */
export function parseJson(text: string): { value: unknown; error?: undefined } | { value?: undefined; error: JsonSyntaxError } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: locateSyntaxError(text) ?? { line: 1, column: 1, problem: (e as Error).message } };
  }
}

function locateSyntaxError(text: string): JsonSyntaxError | undefined {
  const { printParseErrorCode, visit } = jsoncParser();
  let first: ParseError | undefined;
  visit(text, {
    onError: (error, offset, length) => {
      first ??= { error, offset, length };
    },
  }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (!first) return undefined;
  const before = text.slice(0, first.offset);
  return {
    line: before.split('\n').length,
    column: first.offset - before.lastIndexOf('\n'),
    problem: PROBLEMS[printParseErrorCode(first.error)] ?? 'not valid JSON',
  };
}

/** jsonc-parser's error codes (by name: its enum is a `const enum`) in words. */
const PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a double-quoted property name',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected \':\' after the property name',
  CommaExpected: 'expected \',\' between values',
  CloseBraceExpected: 'expected \'}\'',
  CloseBracketExpected: 'expected \']\'',
  EndOfFileExpected: 'unexpected text after the JSON value',
  InvalidCommentToken: 'a comment',
  UnexpectedEndOfComment: 'an unterminated comment',
  UnexpectedEndOfString: 'an unterminated string',
  UnexpectedEndOfNumber: 'an unterminated number',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape character',
  InvalidCharacter: 'a control character in a string',
};
