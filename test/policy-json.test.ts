import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { PolicyJson, PolicyKind } from '../src';
import { newStack } from './support/stacks';

const PARTITION = { Ref: 'AWS::Partition' };
const ACCOUNT_ID = { Ref: 'AWS::AccountId' };
const REGION = { Ref: 'AWS::Region' };
const URL_SUFFIX = { Ref: 'AWS::URLSuffix' };

function join(...parts: unknown[]): unknown {
  return { 'Fn::Join': ['', parts] };
}

/** The document as CloudFormation receives it. */
function rendered(document: iam.PolicyDocument): any {
  return newStack().resolve(document.toJSON());
}

/** Evaluates `Ref` of the pseudo parameters and `Fn::Join` the way CloudFormation would in one partition. */
function evaluate(value: any, pseudo: Record<string, string>): any {
  if (Array.isArray(value)) {
    return value.map((v) => evaluate(v, pseudo));
  }
  if (value && typeof value === 'object') {
    if (typeof value.Ref === 'string' && value.Ref in pseudo) {
      return pseudo[value.Ref];
    }
    if (value['Fn::Join']) {
      const [separator, parts] = value['Fn::Join'];
      return evaluate(parts, pseudo).join(separator);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, pseudo)]));
  }
  return value;
}

const PARTITIONS: Array<[string, string, string]> = [
  ['aws', 'us-east-1', 'amazonaws.com'],
  ['aws-cn', 'cn-north-1', 'amazonaws.com.cn'],
  ['aws-us-gov', 'us-gov-west-1', 'amazonaws.com'],
];

const HOME_FOLDER = `{
  "Version": "2012-10-17",
  "Statement": {
    "Sid": "HomeFolder",
    "Effect": "Allow",
    "Action": ["s3:GetObject", "s3:PutObject"],
    "Resource": "arn:{partition}:s3:::home-bucket/\${aws:username}/*"
  }
}`;

describe('PolicyJson.fromText', () => {
  test('accepts a single Statement object, renders placeholders and keeps IAM policy variables', () => {
    expect(rendered(PolicyJson.fromText(HOME_FOLDER))).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'HomeFolder',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: join('arn:', PARTITION, ':s3:::home-bucket/${aws:username}/*'),
      }],
    });
  });

  test.each(PARTITIONS)('deploys to the %s partition unchanged', (partition, region, urlSuffix) => {
    const document = PolicyJson.fromText(`{
      "Version": "2012-10-17",
      "Statement": [
        { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:{partition}:s3:::home-bucket/\${aws:username}/*" },
        { "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:{partition}:sqs:{region}:{account}:jobs" },
        { "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
          "Condition": { "StringEquals": { "aws:Referer": "https://api.{region}.{urlSuffix}" } } }
      ]
    }`);
    const pseudo = { 'AWS::Partition': partition, 'AWS::Region': region, 'AWS::AccountId': '123456789012', 'AWS::URLSuffix': urlSuffix };
    expect(evaluate(rendered(document), pseudo).Statement).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:${partition}:s3:::home-bucket/\${aws:username}/*` },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: `arn:${partition}:sqs:${region}:123456789012:jobs` },
      {
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: '*',
        Condition: { StringEquals: { 'aws:Referer': `https://api.${region}.${urlSuffix}` } },
      },
    ]);
  });

  test('renders every placeholder to its pseudo parameter', () => {
    const document = PolicyJson.fromText(JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:{partition}:execute-api:{region}:{account}:*/{urlSuffix}' }],
    }));
    expect(rendered(document).Statement[0].Resource).toEqual(
      join('arn:', PARTITION, ':execute-api:', REGION, ':', ACCOUNT_ID, ':*/', URL_SUFFIX),
    );
  });

  test('keeps strings without placeholders, NotAction, Principal and Condition as written', () => {
    const document = PolicyJson.fromText(JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'arn:aws:s3:::logs/*' },
        {
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::home-bucket',
          Condition: { StringLike: { 's3:prefix': ['${aws:username}/*', 'shared/*'] } },
        },
      ],
    }));
    expect(rendered(document)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::logs/*' },
        {
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::home-bucket',
          Condition: { StringLike: { 's3:prefix': ['${aws:username}/*', 'shared/*'] } },
        },
      ],
    });
  });

  test('a trailing comma is reported with line and column', () => {
    expect(() => PolicyJson.fromText('{\n  "Version": "2012-10-17",\n  "Statement": [],\n}'))
      .toThrow(/^policy JSON does not parse at line 4, column 1: .*\(comments and trailing commas are not JSON\)$/);
  });

  test('an unknown placeholder is reported with the template', () => {
    expect(() => PolicyJson.fromText('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:{partition}:s3:::{bucket}"}}'))
      .toThrow(/invalid ARN template "arn:\{partition\}:s3:::\{bucket\}": unknown placeholder \{bucket\}/);
  });
});

describe('PolicyJson.fromObject', () => {
  test('gives the same document as the JSON text', () => {
    expect(rendered(PolicyJson.fromObject(JSON.parse(HOME_FOLDER)))).toEqual(rendered(PolicyJson.fromText(HOME_FOLDER)));
  });

  test('does not change the object it is given', () => {
    const document = JSON.parse(HOME_FOLDER);
    const copy = JSON.parse(HOME_FOLDER);
    PolicyJson.fromObject(document);
    expect(document).toEqual(copy);
  });

  test('renders placeholders around CDK tokens', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Reports');
    const document = PolicyJson.fromObject({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucket.bucketArn}/{account}/*` }],
    });
    expect(stack.resolve(document.toJSON()).Statement[0].Resource).toEqual(
      join({ 'Fn::GetAtt': [stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket), 'Arn'] }, '/', ACCOUNT_ID, '/*'),
    );
  });

  test('the document can be used as an inline policy', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: { Home: PolicyJson.fromObject(JSON.parse(HOME_FOLDER)) },
    });
    const policies = stack.resolve((role.node.defaultChild as iam.CfnRole).policies);
    expect(policies).toEqual([{
      policyName: 'Home',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Sid: 'HomeFolder',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: join('arn:', PARTITION, ':s3:::home-bucket/${aws:username}/*'),
        }],
      },
    }]);
  });
});

describe('PolicyJson.parse', () => {
  test('parses valid JSON', () => {
    expect(PolicyJson.parse('{"Version":"2012-10-17","Statement":[]}')).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  test('reports the line and column of a trailing comma inside a statement', () => {
    const text = '{\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "*",}\n  ]\n}';
    expect(() => PolicyJson.parse(text)).toThrow(/^policy JSON does not parse at line 3, column 59: /);
  });

  test('reports the column on the first line', () => {
    expect(() => PolicyJson.parse('{"Version": "2012-10-17",}')).toThrow(/^policy JSON does not parse at line 1, column 26: /);
  });

  test('reports a comment', () => {
    expect(() => PolicyJson.parse('{\n  // allow reads\n  "Version": "2012-10-17"\n}')).toThrow(/^policy JSON does not parse at line 2, column 3: .*comments and trailing commas are not JSON/);
  });

  test('reports truncated text at its end', () => {
    expect(() => PolicyJson.parse('{"Version": "2012-10-17"')).toThrow(/^policy JSON does not parse at line 1, column 25: expected '}'/);
  });

  // Node's JSON.parse says only "Unexpected token '}', ... is not valid JSON" for these.
  test.each([
    ['a missing value', '{\n  "Version": "2012-10-17",\n  "Statement": }', 'line 3, column 16: expected a value'],
    ['a misspelled literal', '{"Statement": [{"Effect": Allow}]}', 'line 1, column 27: unexpected character'],
  ])('reports %s with its line and column', (_what, text, where) => {
    expect(() => PolicyJson.parse(text)).toThrow(`policy JSON does not parse at ${where} (comments and trailing commas are not JSON)`);
  });
});

describe('PolicyJson.renderTemplates', () => {
  test('renders strings in nested objects and arrays, and nothing else', () => {
    const stack = newStack();
    const value = {
      'arn:{partition}:key': ['arn:{partition}:sns:{region}:{account}:topic', 42, true, null],
      'nested': { deeper: 'arn:{partition}:s3:::b' },
      'plain': '${aws:username}',
    };
    expect(stack.resolve(PolicyJson.renderTemplates(value))).toEqual({
      'arn:{partition}:key': [join('arn:', PARTITION, ':sns:', REGION, ':', ACCOUNT_ID, ':topic'), 42, true, null],
      'nested': { deeper: join('arn:', PARTITION, ':s3:::b') },
      'plain': '${aws:username}',
    });
  });

  test('returns a string without placeholders unchanged', () => {
    expect(PolicyJson.renderTemplates('arn:aws:s3:::home-bucket/${aws:username}/*')).toBe('arn:aws:s3:::home-bucket/${aws:username}/*');
    expect(PolicyJson.renderTemplates('${aws:PrincipalTag/team}')).toBe('${aws:PrincipalTag/team}');
  });

  test('throws for an unknown placeholder', () => {
    expect(() => PolicyJson.renderTemplates({ Resource: 'arn:{partition}:s3:::{bucket}' })).toThrow(/unknown placeholder \{bucket\}/);
  });
});

// Found by cfn-lint (E3510) over a template: IAM names resources by ARN or "*" only.
describe('PolicyJson.validate: Resource', () => {
  const withResource = (resource: unknown) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }] });
  const RULE = 'must be an ARN ("arn:...", e.g. "arn:aws:s3:::my-bucket/*") or "*"';

  test('a bucket name instead of its ARN is reported with its JSON path', () => {
    expect(PolicyJson.validate(withResource('my-bucket'), PolicyKind.IDENTITY)).toEqual([`$.Statement[0].Resource: "my-bucket" ${RULE}`]);
    expect(PolicyJson.validate(withResource(['arn:aws:s3:::b', 'b/*']), PolicyKind.IDENTITY)).toEqual([`$.Statement[0].Resource[1]: "b/*" ${RULE}`]);
  });

  test('ARNs, ARN templates, "*", tokens and intrinsics are accepted', () => {
    const bucket = new s3.Bucket(newStack(), 'Bucket');
    for (const resource of ['*', 'arn:aws:s3:::b/${aws:username}', 'arn:{partition}:s3:::b-{account}/*', bucket.bucketArn, bucket.arnForObjects('*'), { 'Fn::GetAtt': ['Bucket', 'Arn'] }]) {
      expect(PolicyJson.validate(withResource(resource), PolicyKind.IDENTITY)).toEqual([]);
    }
  });
});

// Found by cfn-lint (E3530): an AWS principal is "*", an account ID or an ARN.
describe('PolicyJson.validate: Principal.AWS', () => {
  const trusting = (aws: unknown) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: aws }, Action: 'sts:AssumeRole' }] });

  test('a user name without its ARN is reported with its JSON path', () => {
    expect(PolicyJson.validate(trusting(['111122223333', 'bob']), PolicyKind.TRUST))
      .toEqual(['$.Statement[0].Principal.AWS[1]: "bob" must be "*", a 12-digit account ID or an ARN ("arn:...")']);
  });

  test('"*", account IDs, ARNs and ARN templates are accepted', () => {
    for (const aws of ['*', '111122223333', 'arn:aws:iam::111122223333:user/bob', 'arn:{partition}:iam::{account}:root']) {
      expect(PolicyJson.validate(trusting(aws), PolicyKind.TRUST)).toEqual([]);
    }
  });
});
