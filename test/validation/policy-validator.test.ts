import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { errorOf } from './validation-support';
import { AssumableRole, PolicyJson, PolicyKind, Trust } from '../../src';
import { jsonPath, validatePolicy, validateResolvedPolicy } from '../../src/validation/policy-validator';
import { newStack } from '../support/stacks';

const IDENTITY = PolicyKind.IDENTITY;
const TRUST = PolicyKind.TRUST;

/** An identity policy with one statement (plus the defaults) given as a list. */
function identity(statement: object): any {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...statement }] };
}

/** A trust policy with one statement (plus the defaults) given as a list. */
function trust(statement: object): any {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', ...statement }] };
}

/** Removes a key from an object (for statements missing an element). */
function without(object: any, ...keys: string[]): any {
  return Object.fromEntries(Object.entries(object).filter(([k]) => !keys.includes(k)));
}

const OPERATOR_RULE = 'is not an IAM condition operator (e.g. StringEquals, ArnLike, Bool, ForAnyValue:StringLike, StringEqualsIfExists, Null)';

describe('PolicyJson.fromText: invalid JSON', () => {
  test('a // comment reports its line and column', () => {
    const text = '{\n  // read the reports\n  "Version": "2012-10-17",\n  "Statement": []\n}';
    expect(errorOf(() => PolicyJson.fromText(text))).toMatch(
      /^policy JSON does not parse at line 2, column 3: .* \(comments and trailing commas are not JSON\)$/);
  });

  test('a trailing comma in an object reports the line and column where JSON broke', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},\n}';
    expect(errorOf(() => PolicyJson.fromText(text))).toMatch(
      /^policy JSON does not parse at line 4, column 1: .* \(comments and trailing commas are not JSON\)$/);
  });

  test('a missing comma reports its position', () => {
    expect(errorOf(() => PolicyJson.fromText('{"Version": "2012-10-17"\n "Statement": []}'))).toMatch(/^policy JSON does not parse at line 2, column 2: /);
  });

  test('empty text is reported', () => {
    expect(errorOf(() => PolicyJson.fromText(''))).toBe('policy JSON does not parse at line 1, column 1: expected a value (comments and trailing commas are not JSON)');
  });

  test('inlinePolicyJson text that does not parse names the role path, the policy and the line', () => {
    const text = '{\n  "Version": "2012-10-17",\n  // no comments\n  "Statement": []\n}';
    const message = errorOf(() => new AssumableRole(newStack(), 'Role', { trust: [Trust.service('lambda')], inlinePolicyJson: { Reports: text } }));
    expect(message.startsWith(`Stack/Role: invalid inlinePolicyJson.Reports ${JSON.stringify(text)}: policy JSON does not parse at line 3, column 3: `)).toBe(true);
  });
});

describe('PolicyJson.fromText: valid JSON', () => {
  test('a single Statement object and a Statement list give the same document', () => {
    const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' };
    const stack = newStack();
    const single = stack.resolve(PolicyJson.fromText(JSON.stringify({ Version: '2012-10-17', Statement: statement })).toJSON());
    const list = stack.resolve(PolicyJson.fromText(JSON.stringify({ Version: '2012-10-17', Statement: [statement] })).toJSON());
    expect(single).toEqual(list);
    expect(single).toEqual({ Version: '2012-10-17', Statement: [statement] });
  });

  test('whitespace and line breaks are fine', () => {
    expect(() => PolicyJson.fromText('\n{ "Statement" :\n\t[ { "Effect": "Deny", "NotAction": "iam:*", "Resource": "*" } ] }\n')).not.toThrow();
  });

  test('a valid inlinePolicyJson text becomes an inline policy of the role', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', {
      trust: [Trust.service('lambda')],
      inlinePolicyJson: { Reports: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}' },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      Policies: [{ PolicyName: 'Reports', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }],
    });
  });
});

describe('schema violations report the JSON path', () => {
  test.each<[string, any, PolicyKind, string]>([
    ['a misspelled Effect', identity({ Effect: 'Alow' }), IDENTITY, '$.Statement[0].Effect: must be "Allow" or "Deny" (found "Alow")'],
    ['a missing Effect', { Statement: [without(identity({}).Statement[0], 'Effect')] }, IDENTITY, '$.Statement[0]: missing "Effect"'],
    ['an unknown Version', { ...identity({}), Version: '2012-10-18' }, IDENTITY, '$.Version: must be "2012-10-17" (or the legacy "2008-10-17") (found "2012-10-18")'],
    ['a missing Statement', { Version: '2012-10-17' }, IDENTITY, '$: missing "Statement"'],
    ['an empty Statement list', { Statement: [] }, IDENTITY, '$.Statement: must be a statement or a non-empty list of statements'],
    ['a Statement string', { Statement: 'Allow everything' }, IDENTITY, '$.Statement: must be a statement or a non-empty list of statements'],
    ['a document that is not an object', 'Allow everything', IDENTITY, '$: must be a policy object with Version and Statement'],
    ['an unknown top-level field', { ...identity({}), Statment: [] }, IDENTITY, '$: field "Statment" is not allowed here (must be a policy object with Version and Statement)'],
    ['an unknown statement field', identity({ Resources: '*' }), IDENTITY,
      '$.Statement[0]: field "Resources" is not allowed here (must be a statement object with Effect, Action or NotAction, Resource or NotResource, and optional Sid and Condition)'],
    ['a Sid with a dash', identity({ Sid: 'read-reports' }), IDENTITY, '$.Statement[0].Sid: "read-reports" must contain only letters and digits'],
    ['a Sid with a space', identity({ Sid: 'Read Reports' }), IDENTITY, '$.Statement[0].Sid: "Read Reports" must contain only letters and digits'],
    ['an action without a service', identity({ Action: 's3GetObject' }), IDENTITY,
      '$.Statement[0].Action: "s3GetObject" must be "*" or "service:Action" (e.g. "s3:GetObject"; * and ? are wildcards)'],
    ['a bad action in a list', identity({ Action: ['s3:GetObject', 's3:Get Object'] }), IDENTITY,
      '$.Statement[0].Action[1]: "s3:Get Object" must be "*" or "service:Action" (e.g. "s3:GetObject"; * and ? are wildcards)'],
    ['an empty Action list', identity({ Action: [] }), IDENTITY, '$.Statement[0].Action: must be an action or a non-empty list of actions'],
    ['a number as Resource', identity({ Resource: 5 }), IDENTITY, '$.Statement[0].Resource: must be an ARN, "*" or a non-empty list of them'],
    ['an empty Resource list', identity({ Resource: [] }), IDENTITY, '$.Statement[0].Resource: must be an ARN, "*" or a non-empty list of them'],
    ['an empty condition block', identity({ Condition: { StringEquals: {} } }), IDENTITY,
      '$.Statement[0].Condition.StringEquals: must map condition keys to values, e.g. {"aws:SourceAccount": "111122223333"}'],
    ['an empty list of condition values', identity({ Condition: { StringEquals: { 'aws:PrincipalTag/team': [] } } }), IDENTITY,
      '$.Statement[0].Condition.StringEquals["aws:PrincipalTag/team"]: must be a value or a non-empty list of values'],
    ['an unknown principal kind', trust({ Principal: { Account: '111122223333' } }), TRUST,
      '$.Statement[0].Principal: field "Account" is not allowed here (must be "*" or an object with AWS, Service, Federated or CanonicalUser)'],
    ['a principal string other than "*"', trust({ Principal: 'anyone' }), TRUST,
      '$.Statement[0].Principal: "anyone" must be "*" or an object with AWS, Service, Federated or CanonicalUser'],
  ])('%s', (_what, document, kind, message) => {
    expect(PolicyJson.validate(document, kind)).toEqual([message]);
  });

  test('a Statement object reports paths without an index', () => {
    expect(PolicyJson.validate({ Statement: { Effect: 'Alow', Action: 's3:GetObject', Resource: '*' } }, IDENTITY))
      .toEqual(['$.Statement.Effect: must be "Allow" or "Deny" (found "Alow")']);
    expect(PolicyJson.validate({ Statement: { Effect: 'Allow', Resource: '*' } }, IDENTITY))
      .toEqual(['$.Statement: missing "Action" (or "NotAction"): every identity policy statement names an action']);
  });

  test('every fault is reported, each with its own path', () => {
    const problems = PolicyJson.validate({ Statement: [identity({ Effect: 'Alow' }).Statement[0], identity({ Sid: 'a-b' }).Statement[0]] }, IDENTITY);
    expect(problems).toEqual([
      '$.Statement[0].Effect: must be "Allow" or "Deny" (found "Alow")',
      '$.Statement[1].Sid: "a-b" must contain only letters and digits',
    ]);
  });

  test('PolicyJson.fromObject and fromText throw with the same messages', () => {
    const doc = identity({ Sid: 'read-reports' });
    const expected = 'policy JSON is not a valid IAM identity policy: $.Statement[0].Sid: "read-reports" must contain only letters and digits';
    expect(errorOf(() => PolicyJson.fromObject(doc))).toBe(expected);
    expect(errorOf(() => PolicyJson.fromText(JSON.stringify(doc)))).toBe(expected);
  });

  test('inlinePolicyJson with a schema violation names the role path, the policy and the JSON path', () => {
    const message = errorOf(() => new AssumableRole(newStack(), 'Role', {
      trust: [Trust.service('lambda')],
      inlinePolicyJson: { Reports: identity({ Effect: 'Alow' }) },
    }));
    expect(message).toMatch(/^Stack\/Role: invalid inlinePolicyJson\.Reports \{.*\}: policy JSON is not a valid IAM identity policy: /);
    expect(message.endsWith('$.Statement[0].Effect: must be "Allow" or "Deny" (found "Alow")')).toBe(true);
  });

  test('jsonPath turns JSON pointers into JSONPath', () => {
    expect(jsonPath('')).toBe('$');
    expect(jsonPath('/Statement/0/Action')).toBe('$.Statement[0].Action');
    expect(jsonPath('/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team')).toBe('$.Statement[0].Condition.StringEquals["aws:PrincipalTag/team"]');
  });
});

describe('Statement as object or array', () => {
  const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

  test.each([
    ['an object', { Version: '2012-10-17', Statement: statement }],
    ['an array of one', { Version: '2012-10-17', Statement: [statement] }],
    ['an array of several', { Version: '2012-10-17', Statement: [statement, { ...statement, Effect: 'Deny', Action: 's3:DeleteObject' }] }],
    ['without Version', { Statement: statement }],
    ['with the legacy Version and an Id', { Version: '2008-10-17', Id: 'reports', Statement: statement }],
  ])('%s is valid', (_what, document) => {
    expect(PolicyJson.validate(document, IDENTITY)).toEqual([]);
  });

  test('a trust policy may be an object too', () => {
    expect(PolicyJson.validate({ Statement: { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' } }, TRUST)).toEqual([]);
  });
});

describe('Action / NotAction and Resource / NotResource', () => {
  test('an identity statement with both Action and NotAction is invalid', () => {
    expect(PolicyJson.validate(identity({ NotAction: 's3:PutObject' }), IDENTITY)).toEqual(['$.Statement[0]: has both "Action" and "NotAction"; use one']);
  });

  test('an identity statement with neither is invalid', () => {
    expect(PolicyJson.validate({ Statement: [{ Effect: 'Allow', Resource: '*' }] }, IDENTITY))
      .toEqual(['$.Statement[0]: missing "Action" (or "NotAction"): every identity policy statement names an action']);
  });

  test('NotAction alone is valid', () => {
    expect(PolicyJson.validate({ Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*' }] }, IDENTITY)).toEqual([]);
  });

  test('a trust statement with both or neither is invalid too', () => {
    expect(PolicyJson.validate(trust({ NotAction: 'sts:TagSession' }), TRUST)).toEqual(['$.Statement[0]: has both "Action" and "NotAction"; use one']);
    expect(PolicyJson.validate({ Statement: [without(trust({}).Statement[0], 'Action')] }, TRUST))
      .toEqual(['$.Statement[0]: missing "Action" (or "NotAction"): every trust policy statement names an action']);
  });

  test('Resource and NotResource together are invalid, and one is required', () => {
    expect(PolicyJson.validate(identity({ NotResource: 'arn:aws:s3:::secret/*' }), IDENTITY))
      .toEqual(['$.Statement[0]: has both "Resource" and "NotResource"; use one']);
    expect(PolicyJson.validate({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] }, IDENTITY))
      .toEqual(['$.Statement[0]: missing "Resource" (or "NotResource"): every identity policy statement names a resource']);
  });

  test('Principal and NotPrincipal together are invalid in a trust policy, and one is required', () => {
    expect(PolicyJson.validate(trust({ NotPrincipal: { AWS: '444455556666' } }), TRUST))
      .toEqual(['$.Statement[0]: has both "Principal" and "NotPrincipal"; use one']);
    expect(PolicyJson.validate({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }, TRUST))
      .toEqual(['$.Statement[0]: missing "Principal" (or "NotPrincipal"): every trust policy statement names a principal']);
  });
});

describe('elements that belong to the other kind of policy', () => {
  test('an identity policy with Principal points to the trust policy', () => {
    expect(PolicyJson.validate(identity({ Principal: { AWS: '111122223333' } }), IDENTITY)).toEqual([
      '$.Statement[0]: field "Principal" is not allowed here: an identity policy names no principal (the principal is the role itself); Principal belongs in a trust policy',
    ]);
  });

  test('an identity policy with NotPrincipal is invalid', () => {
    expect(PolicyJson.validate(identity({ NotPrincipal: { AWS: '111122223333' } }), IDENTITY)).toEqual([
      '$.Statement[0]: field "NotPrincipal" is not allowed here: an identity policy names no principal; NotPrincipal belongs in resource policies',
    ]);
  });

  test('a trust policy with Resource points to the identity policy', () => {
    expect(PolicyJson.validate(trust({ Resource: '*' }), TRUST)).toEqual([
      '$.Statement[0]: field "Resource" is not allowed here: a trust policy has no Resource (the resource is the role itself); Resource belongs in an identity policy',
    ]);
  });

  test('a trust policy with NotResource is invalid', () => {
    expect(PolicyJson.validate(trust({ NotResource: '*' }), TRUST)).toEqual([
      '$.Statement[0]: field "NotResource" is not allowed here: a trust policy has no NotResource',
    ]);
  });

  test('inlinePolicyJson with a Principal throws, pointing to the trust policy', () => {
    expect(errorOf(() => new AssumableRole(newStack(), 'Role', {
      trust: [Trust.service('lambda')],
      inlinePolicyJson: { Assume: trust({}) },
    }))).toContain('policy JSON is not a valid IAM identity policy: $.Statement[0]: field "Principal" is not allowed here: '
      + 'an identity policy names no principal (the principal is the role itself); Principal belongs in a trust policy');
  });

  test('the validator used by the checks gives the same messages', () => {
    expect(validatePolicy(trust({ Resource: '*' }), TRUST)).toEqual(PolicyJson.validate(trust({ Resource: '*' }), TRUST));
  });
});

describe('condition operators', () => {
  test.each([
    'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
    'StringEqualsIfExists', 'ForAllValues:StringLike', 'ForAnyValue:ArnLike', 'ForAnyValue:StringEqualsIfExists',
    'Null', 'Bool', 'BoolIfExists', 'NumericEquals', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericNotEquals',
    'DateGreaterThan', 'DateLessThanEquals', 'DateNotEquals', 'IpAddress', 'NotIpAddress', 'IpAddressIfExists',
    'ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike', 'BinaryEquals',
  ])('%s is valid in identity and trust policies', (operator) => {
    const condition = { Condition: { [operator]: { 'aws:SomeKey': 'value' } } };
    expect(PolicyJson.validate(identity(condition), IDENTITY)).toEqual([]);
    expect(PolicyJson.validate(trust(condition), TRUST)).toEqual([]);
  });

  test.each([
    'StringEqual', 'NullIfExists', 'ForSomeValues:StringLike', 'stringequals', 'StringLikeIgnoreCase', 'ArnEqualsIgnoreCase',
    'ForAllValues:Null', 'IfExists', 'ForAnyValue:', 'Numeric', 'StringEqualsIfExistsIfExists',
  ])('%s is invalid, reported at the Condition', (operator) => {
    const condition = { Condition: { [operator]: { 'aws:SomeKey': 'value' } } };
    expect(PolicyJson.validate(identity(condition), IDENTITY)).toEqual([`$.Statement[0].Condition: ${JSON.stringify(operator)} ${OPERATOR_RULE}`]);
    expect(PolicyJson.validate(trust(condition), TRUST)).toEqual([`$.Statement[0].Condition: ${JSON.stringify(operator)} ${OPERATOR_RULE}`]);
  });

  test('condition values may be strings, numbers, booleans or lists of them', () => {
    expect(PolicyJson.validate(identity({
      Condition: {
        Bool: { 'aws:SecureTransport': true },
        NumericLessThanEquals: { 'aws:MultiFactorAuthAge': 3600 },
        StringLike: { 's3:prefix': ['home/', 'home/${aws:username}/*'] },
      },
    }), IDENTITY)).toEqual([]);
  });
});

describe('CloudFormation intrinsics in string positions', () => {
  const join = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::reports/*']] };

  test.each<[string, any, PolicyKind]>([
    ['Resource as Fn::Join', identity({ Resource: join }), IDENTITY],
    ['Resource list mixing strings and intrinsics', identity({ Resource: ['arn:aws:s3:::a', join, { 'Fn::GetAtt': ['Bucket', 'Arn'] }] }), IDENTITY],
    ['Resource as Fn::Sub', identity({ Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::reports/*' } }), IDENTITY],
    ['Resource as Fn::ImportValue', identity({ Resource: { 'Fn::ImportValue': 'BucketArn' } }), IDENTITY],
    ['Action as Ref', identity({ Action: { Ref: 'ActionParameter' } }), IDENTITY],
    ['Condition value as Ref', identity({ Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }), IDENTITY],
    ['Condition value list with Fn::If', identity({ Condition: { StringEquals: { 'aws:x': ['a', { 'Fn::If': ['C', 'b', 'c'] }] } } }), IDENTITY],
    ['Principal AWS as Fn::GetAtt', trust({ Principal: { AWS: { 'Fn::GetAtt': ['Caller', 'Arn'] } } }), TRUST],
    ['Principal Federated as Fn::Join', trust({ Principal: { Federated: join }, Action: 'sts:AssumeRoleWithSAML' }), TRUST],
    ['Principal Service list with Ref', trust({ Principal: { Service: ['lambda.amazonaws.com', { Ref: 'ServiceParameter' }] } }), TRUST],
  ])('%s is accepted', (_what, document, kind) => {
    expect(PolicyJson.validate(document, kind)).toEqual([]);
  });

  test('an object that is not an intrinsic is rejected', () => {
    const problems = PolicyJson.validate(identity({ Resource: { Bucket: 'reports' } }), IDENTITY);
    expect(problems).toContain('$.Statement[0].Resource: "Bucket" is not a CloudFormation intrinsic (Ref or Fn::...)');
  });

  test('an object with two keys is rejected', () => {
    expect(PolicyJson.validate(identity({ Resource: { 'Ref': 'A', 'Fn::GetAtt': ['B', 'Arn'] } }), IDENTITY)).not.toEqual([]);
  });

  test('a synthesized iam.Role trust policy and default policy validate', () => {
    const stack = newStack();
    const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ArnPrincipal(caller.roleArn) });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`arn:${stack.partition}:s3:::reports/*`] }));
    const resources = Template.fromStack(stack).toJSON().Resources;
    const roleResource = Object.values<any>(resources).find((r) => r.Type === 'AWS::IAM::Role' && JSON.stringify(r).includes('Fn::GetAtt'));
    const policyResource = Object.values<any>(resources).find((r) => r.Type === 'AWS::IAM::Policy');
    expect(PolicyJson.validate(roleResource.Properties.AssumeRolePolicyDocument, TRUST)).toEqual([]);
    expect(PolicyJson.validate(policyResource.Properties.PolicyDocument, IDENTITY)).toEqual([]);
  });
});

describe('validateResolvedPolicy (the PolicyGrammar check: each JSON text checked once)', () => {
  test('reports what validatePolicy reports, for the first and for every repeated document', () => {
    const bad = identity({ Action: 's3GetObject' });
    const good = identity({});
    for (let round = 0; round < 3; round++) {
      expect(validateResolvedPolicy(JSON.parse(JSON.stringify(bad)), IDENTITY)).toEqual(validatePolicy(bad, IDENTITY));
      expect(validateResolvedPolicy(JSON.parse(JSON.stringify(good)), IDENTITY)).toEqual([]);
    }
    expect(validatePolicy(bad, IDENTITY)).toHaveLength(1);
  });

  test('the same text checked as the other kind is checked again', () => {
    const lambdaTrust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    expect(validateResolvedPolicy(lambdaTrust, TRUST)).toEqual([]);
    expect(validateResolvedPolicy(lambdaTrust, IDENTITY)).toEqual(validatePolicy(lambdaTrust, IDENTITY));
    expect(validatePolicy(lambdaTrust, IDENTITY).length).toBeGreaterThan(0);
  });

  test('a caller changing the returned list does not change the next answer', () => {
    const bad = identity({ Action: 's3GetObject' });
    validateResolvedPolicy(bad, IDENTITY).push('changed');
    expect(validateResolvedPolicy(bad, IDENTITY)).toEqual(validatePolicy(bad, IDENTITY));
  });
});
