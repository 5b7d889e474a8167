import { Aws, CfnMapping, Fn } from 'aws-cdk-lib';
import { PARTITION_NAMES, resolveCfn } from './resolve';
import { newStack, stringParameter } from './stacks';

const PARTITION = { Ref: 'AWS::Partition' };

describe('resolveCfn', () => {
  test('leaves plain values alone', () => {
    expect(resolveCfn('arn:aws:s3:::bucket', 'aws')).toBe('arn:aws:s3:::bucket');
    expect(resolveCfn(42, 'aws')).toBe(42);
    expect(resolveCfn(true, 'aws')).toBe(true);
    expect(resolveCfn(null, 'aws')).toBeNull();
    expect(resolveCfn({ Effect: 'Allow', Action: ['a', 'b'] }, 'aws')).toEqual({ Effect: 'Allow', Action: ['a', 'b'] });
  });

  test.each([
    ['aws', 'aws', '123456789012', 'us-east-1', 'amazonaws.com'],
    ['aws-cn', 'aws-cn', '123456789012', 'cn-north-1', 'amazonaws.com.cn'],
    ['aws-us-gov', 'aws-us-gov', '123456789012', 'us-gov-west-1', 'amazonaws.com'],
  ] as const)('resolves the pseudo parameters in %s', (env, partition, account, region, urlSuffix) => {
    expect(resolveCfn({ Ref: 'AWS::Partition' }, env)).toBe(partition);
    expect(resolveCfn({ Ref: 'AWS::AccountId' }, env)).toBe(account);
    expect(resolveCfn({ Ref: 'AWS::Region' }, env)).toBe(region);
    expect(resolveCfn({ Ref: 'AWS::URLSuffix' }, env)).toBe(urlSuffix);
  });

  test('accepts a full environment instead of a partition name', () => {
    const env = { partition: 'aws-iso', account: '111122223333', region: 'us-iso-east-1', urlSuffix: 'c2s.ic.gov' };
    expect(resolveCfn({ 'Fn::Join': [':', [{ Ref: 'AWS::Partition' }, { Ref: 'AWS::AccountId' }, { Ref: 'AWS::Region' }, { Ref: 'AWS::URLSuffix' }]] }, env))
      .toBe('aws-iso:111122223333:us-iso-east-1:c2s.ic.gov');
  });

  test('resolves what stack.resolve makes of the Aws pseudo parameters', () => {
    const stack = newStack();
    const value = stack.resolve(`${Aws.PARTITION}/${Aws.ACCOUNT_ID}/${Aws.REGION}/${Aws.URL_SUFFIX}`);
    expect(resolveCfn(value, 'aws-cn')).toBe('aws-cn/123456789012/cn-north-1/amazonaws.com.cn');
  });

  test('joins with the delimiter, resolving nested intrinsics', () => {
    expect(resolveCfn({ 'Fn::Join': ['', ['arn:', PARTITION, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] }, 'aws-us-gov'))
      .toBe('arn:aws-us-gov:iam::123456789012:root');
    expect(resolveCfn({ 'Fn::Join': ['-', ['a', 'b', 'c']] }, 'aws')).toBe('a-b-c');
    expect(resolveCfn({ 'Fn::Join': [',', []] }, 'aws')).toBe('');
  });

  test('joins a list produced by Fn::Split', () => {
    expect(resolveCfn({ 'Fn::Join': ['+', { 'Fn::Split': ['/', 'a/b/c'] }] }, 'aws')).toBe('a+b+c');
  });

  test('splits and selects', () => {
    expect(resolveCfn({ 'Fn::Split': [':', 'a:b::c'] }, 'aws')).toEqual(['a', 'b', '', 'c']);
    expect(resolveCfn({ 'Fn::Select': [1, ['x', 'y', 'z']] }, 'aws')).toBe('y');
    expect(resolveCfn({ 'Fn::Select': ['2', ['x', 'y', 'z']] }, 'aws')).toBe('z');
    const arn = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC';
    expect(resolveCfn({ 'Fn::Select': [1, { 'Fn::Split': [':oidc-provider/', arn] }] }, 'aws'))
      .toBe('oidc.eks.us-east-1.amazonaws.com/id/ABC');
  });

  test('resolves what CDK makes of Fn.select and Fn.split', () => {
    const stack = newStack();
    const value = stack.resolve(Fn.select(1, Fn.split(':oidc-provider/', stringParameter(stack, 'Arn'))));
    const refs = { Arn: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' };
    expect(resolveCfn(value, 'aws', { refs })).toBe('token.actions.githubusercontent.com');
  });

  test('looks keys up in the given mappings, with keys that are intrinsics', () => {
    const mappings = { Urls: { 'aws': { url: 'one' }, 'aws-cn': { url: 'two' }, 'aws-us-gov': { url: 'three' } } };
    const value = { 'Fn::FindInMap': ['Urls', PARTITION, 'url'] };
    expect(PARTITION_NAMES.map((p) => resolveCfn(value, p, { mappings }))).toEqual(['one', 'two', 'three']);
  });

  test('resolves what CfnMapping.findInMap makes', () => {
    const stack = newStack();
    const mapping = new CfnMapping(stack, 'Suffixes', { mapping: { 'aws': { v: 'A' }, 'aws-cn': { v: 'C' }, 'aws-us-gov': { v: 'G' } } });
    const value = stack.resolve(mapping.findInMap(stack.partition, 'v'));
    const mappings = { Suffixes: { 'aws': { v: 'A' }, 'aws-cn': { v: 'C' }, 'aws-us-gov': { v: 'G' } } };
    expect(resolveCfn(value, 'aws-us-gov', { mappings })).toBe('G');
  });

  test('resolves extra Refs only when given', () => {
    expect(resolveCfn({ Ref: 'Provider' }, 'aws', { refs: { Provider: 'arn:x' } })).toBe('arn:x');
    expect(() => resolveCfn({ Ref: 'Provider' }, 'aws')).toThrow('cannot resolve Ref Provider');
    expect(() => resolveCfn({ Ref: 'AWS::StackName' }, 'aws')).toThrow('cannot resolve Ref AWS::StackName');
  });

  test('walks objects and arrays', () => {
    const value = { Statement: [{ Principal: { AWS: { 'Fn::Join': ['', ['arn:', PARTITION, ':iam::111122223333:root']] } } }] };
    expect(resolveCfn(value, 'aws-cn')).toEqual({ Statement: [{ Principal: { AWS: 'arn:aws-cn:iam::111122223333:root' } }] });
  });

  test.each([
    [{ 'Fn::GetAtt': ['Role', 'Arn'] }, 'Fn::GetAtt'],
    [{ 'Fn::Sub': 'arn:${AWS::Partition}' }, 'Fn::Sub'],
    [{ 'Fn::If': ['Cond', 'a', 'b'] }, 'Fn::If'],
    [{ 'Fn::ImportValue': 'Export' }, 'Fn::ImportValue'],
    [{ Outer: [{ 'Fn::Base64': 'x' }] }, 'Fn::Base64'],
  ])('throws on the unknown intrinsic %j', (value, name) => {
    expect(() => resolveCfn(value, 'aws')).toThrow(`cannot resolve intrinsic ${name}`);
  });

  test('throws on malformed intrinsics', () => {
    expect(() => resolveCfn({ 'Fn::Join': ['', 'not-a-list'] }, 'aws')).toThrow('Fn::Join needs a list');
    expect(() => resolveCfn({ 'Fn::Join': ['', [{ Inner: 1 }]] }, 'aws')).toThrow('Fn::Join needs strings');
    expect(() => resolveCfn({ 'Fn::Select': [3, ['a']] }, 'aws')).toThrow('out of range');
    expect(() => resolveCfn({ 'Fn::Split': ['/', ['a']] }, 'aws')).toThrow('Fn::Split needs strings');
    expect(() => resolveCfn({ 'Fn::FindInMap': ['Missing', 'a', 'b'] }, 'aws', { mappings: {} })).toThrow('no mapping Missing');
    expect(() => resolveCfn({ 'Fn::FindInMap': ['M', 'a', 'c'] }, 'aws', { mappings: { M: { a: { b: 'x' } } } })).toThrow('has no a.c');
  });

  test('does not take keys from Object.prototype for mappings or Refs', () => {
    expect(() => resolveCfn({ Ref: 'constructor' }, 'aws', { refs: {} })).toThrow('cannot resolve Ref constructor');
    expect(() => resolveCfn({ 'Fn::FindInMap': ['M', 'toString', 'x'] }, 'aws', { mappings: { M: {} } })).toThrow('has no toString.x');
  });

  test('throws on an unknown partition name', () => {
    expect(() => resolveCfn('x', 'aws-mars' as any)).toThrow('unknown partition "aws-mars"');
  });
});
