/**
 * Tables of bad inputs and the exact outcome a user sees, shared by the `*.input.test.ts` files
 * (one per source file, next to that file's other tests):
 * - the error thrown at construction or at synth (`<construct path>: invalid <field> <value>: <rule>`);
 * - the finding the checks report for trust that is valid but risky;
 * - inputs that must be accepted (CDK tokens are skipped, never crash).
 *
 * Every message in the tables was produced by running the code and then read by hand: it names
 * the path, the field, the value and the rule.
 */
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { newStack } from './stacks';
import { AssumableRole, AssumableRoleProps, OidcIssuer, Trust, TrustRelationship } from '../../src';
import { errorOf, expectFinding, findingMessages, Level } from '../validation/validation-support';

/** An account the roles of the tables trust. */
export const OTHER = '111122223333';
export const LAMBDA = Trust.service('lambda');
export const EKS_ISSUER = OidcIssuer.fromIssuerUrl('https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789');
export const SAML_PROVIDER = `arn:aws:iam::${OTHER}:saml-provider/okta`;
export const POLICY_VERSION = '2012-10-17';

/** The rule ArnTemplate gives for an unknown placeholder. */
export const UNKNOWN_PLACEHOLDER = (name: string) =>
  `unknown placeholder {${name}}; the placeholders are {partition}, {account}, {region}, {urlSuffix} (IAM policy variables are written \${...})`;
export const POLICY_ARN_RULE = 'IAM managed policy ARN (arn:<partition>:iam::<account>:policy/<name>)';
export const EXTERNAL_ID_RULE = 'must be 2-1,224 characters of letters, digits and +=,.@:/-_ (sts:ExternalId)';

/** `{"Ref":"P"}`: the parameter `P` of `stringParameter(stack)`, as JSON text of the template. */
export const REF_P = '{"Ref":"P"}';

/** An AssumableRole `Role` trusting Lambda, with `props`. */
export function role(stack: Stack, props: AssumableRoleProps = {}): AssumableRole {
  return new AssumableRole(stack, 'Role', { trust: [LAMBDA], ...props });
}

/** An AssumableRole `Role` whose only trust is `trust`. */
export function trusting(stack: Stack, trust: TrustRelationship): AssumableRole {
  return new AssumableRole(stack, 'Role', { trust: [trust] });
}

/** A policy document with one statement. */
export function policy(statement: object): object {
  return { Version: POLICY_VERSION, Statement: [statement] };
}

/** Where the error is thrown: while the constructs are built, or when the app is synthesized. */
export type Phase = 'construction' | 'synth';

export interface ErrorRow {
  /** What is wrong, as a test name. */
  readonly name: string;
  /** Builds the bad input in the fresh stack `Stack` (env-agnostic). */
  readonly build: (stack: Stack) => unknown;
  readonly at: Phase;
  /** The whole message, or a function of the stack for messages that show a deploy-time token. */
  readonly error: string | ((stack: Stack) => string);
}

/** Each row, in a fresh stack, throws exactly its error, at construction or at synth. */
export function describeErrorRows(title: string, rows: ErrorRow[]): void {
  describe(title, () => {
    test.each(rows)('$name', (row) => {
      const stack = newStack();
      const expected = typeof row.error === 'function' ? row.error(stack) : row.error;
      if (row.at === 'construction') {
        expect(errorOf(() => row.build(stack))).toBe(expected);
      } else {
        expect(() => row.build(stack)).not.toThrow();
        expect(errorOf(() => Template.fromStack(stack))).toBe(expected);
      }
    });
  });
}

export interface FindingRow {
  readonly name: string;
  /** Builds valid but risky input in the fresh stack `Stack`; the role reported on is `Stack/Role`. */
  readonly build: (stack: Stack) => unknown;
  /** The finding id, without the `cdk-assumable-roles:` prefix. */
  readonly finding: string;
  readonly level: Level;
  /** The finding-specific part of the message (what comes before the fix). */
  readonly says: string;
}

/** The whole message of each finding `id` at `level` reported at `Stack/Role`. */
function roleFindings(stack: Stack, id: string, level: Level): string[] {
  return findingMessages(stack, id, level).filter((m) => m.path === '/Stack/Role').map((m) => m.message);
}

/** Each row, in a fresh stack, builds without error and gets exactly one finding of its id at `Stack/Role`. */
export function describeFindingRows(title: string, rows: FindingRow[]): void {
  describe(title, () => {
    test.each(rows)('$name: $finding ($level)', (row) => {
      const stack = newStack();
      expect(() => row.build(stack)).not.toThrow();
      expectFinding(stack, row.finding, row.level);
      const messages = roleFindings(stack, row.finding, row.level);
      expect(messages).toHaveLength(1);
      expect(messages[0].startsWith(`[cdk-assumable-roles:${row.finding}] ${row.says}. `)).toBe(true);
    });
  });
}

export interface AcceptedRow {
  readonly name: string;
  /** Builds valid input in the fresh stack `Stack`; the parameter `P` (and `E`) are deploy-time values. */
  readonly build: (stack: Stack) => unknown;
  /** A fragment of the template (as JSON text) that shows the value reached the role. */
  readonly inTemplate: string;
}

/** Each row, in a fresh stack, builds without error, reaches the template and gets no error-level annotation. */
export function describeAcceptedRows(title: string, rows: AcceptedRow[]): void {
  describe(title, () => {
    test.each(rows)('$name', (row) => {
      const stack = newStack();
      expect(() => row.build(stack)).not.toThrow();
      const template = JSON.stringify(Template.fromStack(stack).toJSON());
      expect(template).toContain(row.inTemplate);
      Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
    });
  });
}
