/**
 * Policy documents for property tests of the grammar check: mostly what IAM accepts, sometimes not.
 */
import * as fc from 'fast-check';
import { PolicyKind } from '../../src/policy-kind';

/** Mostly what IAM accepts, sometimes not: each part is valid about nine times in ten. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: invalid });
const bad = fc.constantFrom<unknown>('not an arn', '', { Bad: 1 }, {}, 12, true, null, []);
const oneOrMany = (valid: fc.Arbitrary<unknown>) => mostly(fc.oneof(valid, fc.array(valid, { minLength: 1, maxLength: 3 })), bad);
const action = mostly(fc.constantFrom('*', 's3:GetObject', 'sts:AssumeRole', 'sts:TagSession', { Ref: 'Action' }), bad);
const principal = mostly(fc.constantFrom('*', '111122223333', 'arn:aws:iam::111122223333:root', { 'Fn::GetAtt': ['R', 'Arn'] }), bad);
const resource = mostly(fc.constantFrom('*', 'arn:aws:s3:::b/*', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::b']] }), bad);
const condition = mostly(
  fc.dictionary(mostly(fc.constantFrom('StringEquals', 'StringLikeIfExists', 'ForAnyValue:StringLike', 'Bool', 'Null'), fc.constant('StringEqual')),
    fc.dictionary(fc.constantFrom('aws:SourceAccount', 'sts:ExternalId'), oneOrMany(fc.constantFrom('x', 1, true, { Ref: 'P' }))), { minKeys: 1, maxKeys: 2 }),
  bad);
const statement = (kind: PolicyKind) => fc.record<Record<string, unknown>>({
  Sid: mostly(fc.constantFrom('S1', 'Read'), fc.constantFrom('bad sid', 3)),
  Effect: mostly(fc.constantFrom('Allow', 'Deny'), fc.constant('allow')),
  Action: oneOrMany(action),
  ...(kind === PolicyKind.TRUST
    ? { Principal: mostly(fc.oneof(fc.constant('*'), fc.record({ AWS: oneOrMany(principal), Service: oneOrMany(fc.constant('lambda.amazonaws.com')) }, { requiredKeys: [] })), bad) }
    : { Resource: oneOrMany(resource) }),
  Condition: condition,
} as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: ['Effect', 'Action', kind === PolicyKind.TRUST ? 'Principal' : 'Resource'] });
/** A trust or identity policy, each part valid about nine times in ten. */
export const policy = (kind: PolicyKind) => fc.record({
  Version: mostly(fc.constant('2012-10-17'), fc.constant('2020-01-01')),
  Statement: fc.oneof(statement(kind), fc.array(statement(kind), { minLength: 1, maxLength: 3 })),
}, { requiredKeys: ['Statement'] });
