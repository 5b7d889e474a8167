import Ajv from 'ajv';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import * as fc from 'fast-check';
import * as ciRules from '../../src/private/ci-rules';
import * as rules from '../../src/private/rules';
import { InputRule, matches } from '../../src/private/rules';
import { serviceAccountSubjects } from '../../src/private/subjects';
import { descriptionRule, pathRule, policyNameRule, roleNameRule, tagRules } from '../../src/validation/limits';

/**
 * Each rule is written once, in src/private/rules.ts; the constructs' detailed messages
 * (limits.ts, subjects.ts) say which part of a rule a value breaks. These properties prove
 * the detailed checks accept exactly what the rule's pattern accepts, and that the pattern
 * means the same to ajv (the catalog schema) as to JavaScript.
 */

const ALL_RULES = Object.entries({ ...rules, ...ciRules }).filter((entry): entry is [string, InputRule] =>
  typeof entry[1] === 'object' && entry[1] !== null && typeof (entry[1] as any).pattern === 'string');

/** Strings near the rules' edges: their characters, lengths around the limits, and anything else. */
function near(alphabet: string, maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: fc.constantFrom(...alphabet), maxLength }),
    fc.string({ unit: fc.constantFrom(...alphabet), minLength: maxLength - 2, maxLength: maxLength + 2 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
}

const RUNS = { numRuns: 400, seed: 17 };

describe('the detailed checks accept exactly what the rules accept', () => {
  test('role names', () => {
    fc.assert(fc.property(near('ab_+=,.@-/ :', 64), (v) => expect(roleNameRule(v) === undefined).toBe(matches(rules.ROLE_NAME, v))), RUNS);
  });

  test('inline policy names', () => {
    fc.assert(fc.property(near('ab_+=,.@- :', 128), (v) => expect(policyNameRule(v) === undefined).toBe(matches(rules.POLICY_NAME, v))), RUNS);
  });

  test('paths', () => {
    fc.assert(fc.property(near('/a~!/ \t', 512), (v) => expect(pathRule(v) === undefined).toBe(matches(rules.ROLE_PATH, v))), RUNS);
  });

  test('descriptions', () => {
    fc.assert(fc.property(near('a \t\n\u00a0\u00a1\u00ff\u0100\u2014', 1000), (v) => expect(descriptionRule(v) === undefined).toBe(matches(rules.ROLE_DESCRIPTION, v))), RUNS);
  });

  test('tag keys and values', () => {
    fc.assert(fc.property(near('aAwWsS:_ .é-#', 128), near('a _.:/=+@-#é', 256), (key, value) => {
      const problems = tagRules({ [key]: value });
      expect(problems.some((p) => p.startsWith('tag key'))).toBe(!matches(rules.TAG_KEY, key));
      expect(problems.some((p) => p.startsWith('tag value'))).toBe(!matches(rules.TAG_VALUE, value));
    }), RUNS);
  });

  test('service accounts: the subject builder and the catalog pattern agree (they once did not, on dots in namespaces)', () => {
    fc.assert(fc.property(near('a0-.:*?A_', 70), (v) => {
      expect(serviceAccountSubjects([v]).problems.length === 0).toBe(matches(rules.SERVICE_ACCOUNT, v));
    }), RUNS);
    expect(matches(rules.SERVICE_ACCOUNT, 'team.a:api')).toBe(false);
    expect(matches(rules.SERVICE_ACCOUNT, 'team-a:api.v1')).toBe(true);
  });
});

describe('every rule means the same to ajv as to JavaScript', () => {
  const ajv = new Ajv({ strict: false });

  test.each(ALL_RULES)('%s', (_name, rule) => {
    const validate = ajv.compile({ type: 'string', pattern: rule.pattern, ...(rule.maxLength !== undefined ? { maxLength: rule.maxLength } : {}) });
    fc.assert(fc.property(near('arn:aws:iam::123456789012:role/x{}*?-_. /o', 70), (v) => {
      expect(validate(v)).toBe(matches(rule, v));
    }), { numRuns: 200, seed: 17 });
  });
});

describe('identifiers of AWS Organizations and Regions', () => {
  test('every Region aws-cdk-lib knows has the shape of a Region; Availability Zones and typos do not', () => {
    const known = RegionInfo.regions.map((r) => r.name);
    expect(known.length).toBeGreaterThan(30);
    expect(known.filter((r) => !matches(rules.REGION, r))).toEqual([]);
    expect(['us-east-1a', 'US-EAST-1', 'us-east1', 'useast-1', 'eu-west', 'us_east_1', '', 'us-east-1 '].filter((r) => matches(rules.REGION, r))).toEqual([]);
  });

  test.each([
    ['ou-ab12-cd34ef56', true, false], ['ou-0123456789abcdef0123456789abcdef-01234567', true, false], ['r-ab12', false, true],
    ['ou-ab1-cd34ef56', false, false], ['ou-ab12-cd34ef5', false, false], ['OU-AB12-CD34EF56', false, false], ['r-ab1', false, false], ['o-a1b2c3d4e5', false, false],
  ])('%s: OU %s, root %s', (id, ou, root) => {
    const results = [rules.ORGANIZATIONAL_UNIT_ID, rules.ORGANIZATION_ROOT_ID, rules.ORGANIZATIONAL_UNIT_OR_ROOT_ID].map((rule) => matches(rule, id));
    expect(results).toEqual([ou, root, ou || root]);
  });

  test('StackSet names', () => {
    expect(['roles', 'Platform-Roles-2', `a${'b'.repeat(127)}`].every((n) => matches(rules.STACK_SET_NAME, n))).toBe(true);
    expect(['2roles', 'roles_1', '-roles', `a${'b'.repeat(128)}`, ''].some((n) => matches(rules.STACK_SET_NAME, n))).toBe(false);
  });
});
