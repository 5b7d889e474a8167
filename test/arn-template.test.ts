import { Aws, Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { ArnTemplate } from '../src';
import { ENVIRONMENTS, PARTITION_NAMES, PartitionName, resolveCfn } from './support/resolve';
import { lazyString, newStack } from './support/stacks';

const stack = newStack();
const PLACEHOLDER_LIST = '{partition}, {account}, {region}, {urlSuffix}';

/** Renders a template and evaluates it as CloudFormation would in the partition. */
function deployed(template: string, partition: PartitionName, refs: Record<string, unknown> = {}): unknown {
  return resolveCfn(stack.resolve(ArnTemplate.render(template)), partition, { refs });
}

function join(...parts: unknown[]): unknown {
  return { 'Fn::Join': ['', parts] };
}

describe('ArnTemplate without placeholders', () => {
  test.each([
    'arn:aws:iam::111122223333:role/deployer',
    'arn:aws-cn:s3:::bucket/*',
    '',
    '*',
    'plain text with spaces',
  ])('renders %j to the same plain string, not a token', (template) => {
    const rendered = ArnTemplate.render(template);
    expect(rendered).toBe(template);
    expect(Token.isUnresolved(rendered)).toBe(false);
    expect(ArnTemplate.hasPlaceholders(template)).toBe(false);
  });
});

describe('ArnTemplate placeholders', () => {
  test.each([
    ['{partition}', 'AWS::Partition'],
    ['{account}', 'AWS::AccountId'],
    ['{region}', 'AWS::Region'],
    ['{urlSuffix}', 'AWS::URLSuffix'],
  ])('%s alone renders to a Ref of %s', (template, pseudo) => {
    expect(Token.isUnresolved(ArnTemplate.render(template))).toBe(true);
    expect(stack.resolve(ArnTemplate.render(template))).toEqual({ Ref: pseudo });
    expect(ArnTemplate.hasPlaceholders(template)).toBe(true);
  });

  test.each(PARTITION_NAMES)('each placeholder resolves to the value of %s', (partition) => {
    const env = ENVIRONMENTS[partition];
    expect(deployed('{partition}', partition)).toBe(env.partition);
    expect(deployed('{account}', partition)).toBe(env.account);
    expect(deployed('{region}', partition)).toBe(env.region);
    expect(deployed('{urlSuffix}', partition)).toBe(env.urlSuffix);
  });

  test('renders literal text around placeholders as an Fn::Join', () => {
    expect(stack.resolve(ArnTemplate.render('arn:{partition}:iam::{account}:role/x')))
      .toEqual(join('arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/x'));
  });

  test.each([
    ['aws', 'arn:aws:iam::123456789012:role/x'],
    ['aws-cn', 'arn:aws-cn:iam::123456789012:role/x'],
    ['aws-us-gov', 'arn:aws-us-gov:iam::123456789012:role/x'],
  ] as const)('an IAM role ARN template resolves in %s', (partition, expected) => {
    expect(deployed('arn:{partition}:iam::{account}:role/x', partition)).toBe(expected);
  });

  test.each([
    ['aws', 'arn:aws:sns:us-east-1:123456789012:alerts', 'sqs.us-east-1.amazonaws.com'],
    ['aws-cn', 'arn:aws-cn:sns:cn-north-1:123456789012:alerts', 'sqs.cn-north-1.amazonaws.com.cn'],
    ['aws-us-gov', 'arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts', 'sqs.us-gov-west-1.amazonaws.com'],
  ] as const)('several placeholders resolve in %s', (partition, arn, host) => {
    expect(deployed('arn:{partition}:sns:{region}:{account}:alerts', partition)).toBe(arn);
    expect(deployed('sqs.{region}.{urlSuffix}', partition)).toBe(host);
  });

  test('adjacent placeholders each render', () => {
    expect(deployed('{partition}{account}', 'aws-cn')).toBe('aws-cn123456789012');
    expect(deployed('{region}{urlSuffix}{partition}', 'aws-us-gov')).toBe('us-gov-west-1amazonaws.comaws-us-gov');
    expect(stack.resolve(ArnTemplate.render('{partition}{account}')))
      .toEqual(join({ Ref: 'AWS::Partition' }, { Ref: 'AWS::AccountId' }));
  });

  test('the same placeholder may appear several times', () => {
    expect(deployed('{account}/{account}', 'aws')).toBe('123456789012/123456789012');
  });

  test('PLACEHOLDER_NAMES lists the four placeholders', () => {
    expect(ArnTemplate.PLACEHOLDER_NAMES).toEqual(['partition', 'account', 'region', 'urlSuffix']);
  });
});

describe('ArnTemplate value accessors', () => {
  test('of() keeps the template and renders it on value and toString', () => {
    const template = ArnTemplate.of('arn:{partition}:iam::{account}:policy/boundary');
    expect(template.template).toBe('arn:{partition}:iam::{account}:policy/boundary');
    expect(stack.resolve(template.value)).toEqual(stack.resolve(ArnTemplate.render(template.template)));
    expect(stack.resolve(template.toString())).toEqual(stack.resolve(template.value));
    expect(resolveCfn(stack.resolve(`${template}`), 'aws-cn')).toBe('arn:aws-cn:iam::123456789012:policy/boundary');
  });

  test('problemOf() is undefined for valid templates', () => {
    expect(ArnTemplate.problemOf('arn:{partition}:iam::{account}:role/x')).toBeUndefined();
    expect(ArnTemplate.problemOf('arn:aws:iam::111122223333:root')).toBeUndefined();
    expect(ArnTemplate.problemOf('arn:aws:s3:::b/${aws:username}')).toBeUndefined();
  });
});

describe('ArnTemplate and IAM policy variables', () => {
  test('${aws:username} is left alone', () => {
    expect(ArnTemplate.render('arn:aws:s3:::home/${aws:username}/*')).toBe('arn:aws:s3:::home/${aws:username}/*');
    expect(ArnTemplate.hasPlaceholders('arn:aws:s3:::home/${aws:username}/*')).toBe(false);
  });

  test('policy variables survive next to rendered placeholders', () => {
    expect(deployed('arn:{partition}:s3:::home/${aws:username}/*', 'aws-cn')).toBe('arn:aws-cn:s3:::home/${aws:username}/*');
    expect(deployed('arn:{partition}:iam::{account}:user/${aws:PrincipalTag/team}', 'aws'))
      .toBe('arn:aws:iam::123456789012:user/${aws:PrincipalTag/team}');
  });

  test('a policy variable named like a placeholder is still a policy variable', () => {
    expect(ArnTemplate.render('${partition}')).toBe('${partition}');
    expect(ArnTemplate.hasPlaceholders('${account}')).toBe(false);
  });
});

describe('ArnTemplate errors', () => {
  test('an unknown placeholder is named, with the allowed ones', () => {
    expect(() => ArnTemplate.of('arn:{partition}:iam::{acount}:role/x')).toThrow(
      `invalid ARN template "arn:{partition}:iam::{acount}:role/x": unknown placeholder {acount}; the placeholders are ${PLACEHOLDER_LIST} (IAM policy variables are written \${...})`,
    );
  });

  test.each(['{Partition}', '{ partition }', '{}', '{aws:username}', '{AccountId}'])('%s is an unknown placeholder', (template) => {
    const problem = ArnTemplate.problemOf(template);
    expect(problem).toContain(`unknown placeholder ${template}`);
    expect(problem).toContain(PLACEHOLDER_LIST);
    expect(() => ArnTemplate.render(template)).toThrow(`unknown placeholder ${template}`);
  });

  test.each([
    ['arn:{partition:iam', '"{" at position 4 is never closed'],
    ['arn:partition}:iam', '"}" at position 13 closes no placeholder'],
    ['arn:{{partition}}', 'nested "{" at position 5; placeholders look like {partition}'],
    ['arn:{part{ition}}', 'nested "{" at position 9; placeholders look like {partition}'],
    ['{partition}}', '"}" at position 11 closes no placeholder'],
    ['{', '"{" at position 0 is never closed'],
    ['${aws:username', '"{" at position 1 is never closed'],
  ])('%j is rejected: %s', (template, problem) => {
    expect(ArnTemplate.problemOf(template)).toBe(problem);
    expect(() => ArnTemplate.of(template)).toThrow(`invalid ARN template ${JSON.stringify(template)}: ${problem}`);
  });

  // Regression: names inherited from Object.prototype once passed validation.
  test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
    '{%s} (an Object.prototype property) is rejected as an unknown placeholder',
    (name) => {
      expect(ArnTemplate.problemOf(`arn:{${name}}`)).toContain(`unknown placeholder {${name}}`);
    },
  );
});

describe('ArnTemplate with CDK tokens', () => {
  test('keeps an embedded pseudo-parameter token and renders the placeholders around it', () => {
    const template = `arn:{partition}:cloudformation:{region}:{account}:stack/${Aws.STACK_NAME}/*`;
    expect(ArnTemplate.problemOf(template)).toBeUndefined();
    expect(ArnTemplate.hasPlaceholders(template)).toBe(true);
    expect(stack.resolve(ArnTemplate.render(template))).toEqual(join(
      'arn:', { Ref: 'AWS::Partition' }, ':cloudformation:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
      ':stack/', { Ref: 'AWS::StackName' }, '/*',
    ));
    expect(deployed(template, 'aws-cn', { 'AWS::StackName': 'reports' }))
      .toBe('arn:aws-cn:cloudformation:cn-north-1:123456789012:stack/reports/*');
  });

  test('keeps a Lazy.string and renders the placeholders around it', () => {
    const bucket = lazyString('reports-bucket');
    const template = `arn:{partition}:s3:::${bucket}/{account}/*`;
    for (const partition of PARTITION_NAMES) {
      expect(deployed(template, partition)).toBe(`arn:${partition}:s3:::reports-bucket/123456789012/*`);
    }
  });

  test('a string that is only a token renders to the same token', () => {
    const lazy = lazyString('value');
    expect(ArnTemplate.render(lazy)).toBe(lazy);
    expect(ArnTemplate.render(Aws.ACCOUNT_ID)).toBe(Aws.ACCOUNT_ID);
    expect(ArnTemplate.hasPlaceholders(lazy)).toBe(false);
  });

  test('the braces of a token marker are not placeholders', () => {
    const template = `${Aws.PARTITION}:${Aws.STACK_NAME}`;
    expect(ArnTemplate.problemOf(template)).toBeUndefined();
    expect(ArnTemplate.render(template)).toBe(template);
  });

  test('placeholder problems next to a token are still reported', () => {
    expect(() => ArnTemplate.of(`arn:{partiton}:s3:::${Aws.STACK_NAME}`)).toThrow('unknown placeholder {partiton}');
    expect(() => ArnTemplate.of(`arn:{partition}:s3:::${Aws.STACK_NAME}/{bad}`)).toThrow('unknown placeholder {bad}');
    expect(() => ArnTemplate.of(`arn:{${Aws.REGION}}`)).toThrow('is never closed');
  });
});

describe('ArnTemplate properties', () => {
  type Chunk = { kind: 'literal'; text: string } | { kind: 'placeholder'; name: string };

  const literalText = fc.string({ unit: 'grapheme', maxLength: 10 }).filter((s) => !/[{}]/.test(s));
  const chunk: fc.Arbitrary<Chunk> = fc.oneof(
    literalText.map((text) => ({ kind: 'literal' as const, text })),
    fc.constantFrom(...ArnTemplate.PLACEHOLDER_NAMES).map((name) => ({ kind: 'placeholder' as const, name })),
  );
  const partition = fc.constantFrom(...PARTITION_NAMES);

  test('rendering then resolving equals plain substitution of the placeholders', () => {
    fc.assert(fc.property(fc.array(chunk, { maxLength: 8 }), partition, (chunks, p) => {
      const env: Record<string, string> = { ...ENVIRONMENTS[p] };
      let template = '';
      let expected = '';
      for (const c of chunks) {
        if (c.kind === 'literal') {
          template += c.text;
          expected += c.text;
        } else {
          // `${name}` is an IAM policy variable, which the template leaves alone.
          expected += template.endsWith('$') ? `{${c.name}}` : env[c.name];
          template += `{${c.name}}`;
        }
      }
      expect(resolveCfn(stack.resolve(ArnTemplate.render(template)), p)).toBe(expected);
    }));
  });

  // Object.prototype names are included on purpose (a fixed bug let them through).
  const unknownName = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)),
  ).filter((s) => !/[{}]/.test(s) && !ArnTemplate.PLACEHOLDER_NAMES.includes(s));

  test('a {name} that is not a placeholder is rejected', () => {
    fc.assert(fc.property(
      literalText.filter((s) => !s.endsWith('$')),
      unknownName,
      literalText,
      (before, name, after) => {
        const template = `${before}{${name}}${after}`;
        expect(() => ArnTemplate.of(template)).toThrow(`unknown placeholder {${name}}`);
      },
    ));
  });

  test('strings without braces render to themselves', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[{}]/.test(s)), (s) => {
      expect(ArnTemplate.render(s)).toBe(s);
      expect(ArnTemplate.hasPlaceholders(s)).toBe(false);
    }));
  });

  test('IAM policy variables ${...} render to themselves', () => {
    fc.assert(fc.property(literalText, literalText, literalText, (before, name, after) => {
      const template = `${before}\${${name}}${after}`;
      expect(ArnTemplate.render(template)).toBe(template);
    }));
  });
});

describe('ArnTemplate error positions count from the start of the whole string', () => {
  test('a stray "}" after a token is reported where it is', () => {
    const template = `${Aws.STACK_NAME}/x}`;
    expect(ArnTemplate.problemOf(template)).toBe(`"}" at position ${template.length - 1} closes no placeholder`);
  });
});

describe('ArnTemplate remembers templates it has rendered or checked', () => {
  // Results are kept by template (src/arn-template.ts): they must equal a first rendering, in any stack.
  test('a template rendered again resolves the same in another stack', () => {
    const template = 'arn:{partition}:iam::{account}:role/remembered';
    const first = ArnTemplate.render(template);
    const other = newStack();
    expect(ArnTemplate.render(template)).toBe(first);
    expect(other.resolve(ArnTemplate.render(template))).toEqual(stack.resolve(first));
    expect(resolveCfn(other.resolve(ArnTemplate.render(template)), 'aws-cn', {})).toBe('arn:aws-cn:iam::123456789012:role/remembered');
  });

  test('a template with a token keeps rendering that token', () => {
    const token = lazyString('late');
    const template = `arn:{partition}:s3:::${token}/*`;
    ArnTemplate.render(template);
    expect(stack.resolve(ArnTemplate.render(template))).toEqual(join('arn:', { Ref: 'AWS::Partition' }, ':s3:::late/*'));
  });

  test('problems are remembered too, and stay right after many other templates', () => {
    const bad = 'arn:{partition}:iam::{acount}:role/x';
    const expected = `unknown placeholder {acount}; the placeholders are ${PLACEHOLDER_LIST} (IAM policy variables are written \${...})`;
    expect(ArnTemplate.problemOf(bad)).toBe(expected);
    for (let i = 0; i < 10_050; i++) ArnTemplate.problemOf(`arn:{partition}:iam::{account}:role/r${i}`);
    expect(ArnTemplate.problemOf(bad)).toBe(expected);
    expect(ArnTemplate.problemOf('arn:{partition}:iam::{account}:role/r1')).toBeUndefined();
  });
});
