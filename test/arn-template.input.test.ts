/**
 * Bad input to ArnTemplate (src/arn-template.ts): templates (not a construct: the messages name no
 * path). Each row is built in a fresh stack and must give exactly the outcome a user sees; the
 * tables and their runners are in test/support/bad-input.ts.
 */
import { ArnTemplate } from '../src';
import { describeErrorRows, ErrorRow, OTHER, UNKNOWN_PLACEHOLDER } from './support/bad-input';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'ArnTemplate.of with a misspelled placeholder {acount}',
    build: () => ArnTemplate.of('arn:{partition}:iam::{acount}:role/x'),
    at: 'construction',
    error: `invalid ARN template "arn:{partition}:iam::{acount}:role/x": ${UNKNOWN_PLACEHOLDER('acount')}`,
  },
  {
    name: 'ArnTemplate.of with a "{" never closed',
    build: () => ArnTemplate.of(`arn:{partition:iam::${OTHER}:role/x`),
    at: 'construction',
    error: `invalid ARN template "arn:{partition:iam::${OTHER}:role/x": "{" at position 4 is never closed`,
  },
  {
    name: 'ArnTemplate.of with a "}" that closes nothing',
    build: () => ArnTemplate.of(`arn:aws}:iam::${OTHER}:role/x`),
    at: 'construction',
    error: `invalid ARN template "arn:aws}:iam::${OTHER}:role/x": "}" at position 7 closes no placeholder`,
  },
  {
    name: 'ArnTemplate.render with nested braces {{partition}}',
    build: () => ArnTemplate.render(`arn:{{partition}}:iam::${OTHER}:role/x`),
    at: 'construction',
    error: `invalid ARN template "arn:{{partition}}:iam::${OTHER}:role/x": nested "{" at position 5; placeholders look like {partition}`,
  },
];

describeErrorRows('ArnTemplate: bad inputs throw the exact error', ERROR_ROWS);
