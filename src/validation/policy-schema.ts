/**
 * A JSON Schema of the IAM policy grammar, for the documents users paste from AWS
 * documentation. Written for this project from the IAM JSON policy element reference.
 *
 * Wherever IAM takes a string, a CloudFormation intrinsic (`{ "Ref": ... }`,
 * `{ "Fn::Join": ... }`) is accepted too, so the same schema checks synthesized templates.
 * `x-rule` carries the sentence used in error messages.
 */

import { PolicyKind } from '../policy-kind';

const CONDITION_OPERATOR = '^((ForAllValues|ForAnyValue):)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(LessThan|GreaterThan)(Equals)?|Date(Not)?Equals|Date(LessThan|GreaterThan)(Equals)?|Bool|BinaryEquals|(Not)?IpAddress|Arn(Not)?Equals|Arn(Not)?Like)(IfExists)?$|^Null$';

const stringish = {
  'type': ['string', 'object'],
  'minProperties': 1,
  'maxProperties': 1,
  'propertyNames': { pattern: '^(Ref|Fn::[A-Za-z]+)$' },
  'x-rule': 'must be a string (or a CloudFormation intrinsic such as {"Ref": ...})',
};

function oneOrMany(item: object, rule: string): object {
  return {
    'type': ['string', 'object', 'array'],
    'items': item,
    'minItems': 1,
    'minProperties': 1,
    'maxProperties': 1,
    'propertyNames': { pattern: '^(Ref|Fn::[A-Za-z]+)$' },
    'pattern': (item as any).pattern,
    'x-rule': rule,
  };
}

const action = {
  ...stringish,
  'pattern': '^(\\*|[a-zA-Z0-9-]+:[A-Za-z0-9*?]+)$',
  'x-rule': 'must be "*" or "service:Action" (e.g. "s3:GetObject"; * and ? are wildcards)',
};

// IAM names resources by ARN, or "*" for all (reference_policies_elements_resource); cfn-lint
// (E3510) rejects anything else too. A CDK token inside the string stands for a deploy-time ARN.
const resource = {
  ...stringish,
  // [\s\S], not ".": the character rules report line separators and other characters IAM rejects.
  'pattern': '^(\\*|arn:[\\s\\S]*|[\\s\\S]*\\$\\{Token\\[[\\s\\S]*)$',
  'x-rule': 'must be an ARN ("arn:...", e.g. "arn:aws:s3:::my-bucket/*") or "*"',
};

// An AWS principal is "*", a 12-digit account ID or an ARN (reference_policies_elements_principal);
// cfn-lint (E3530) rejects anything else too, e.g. a user name without its ARN.
const awsPrincipal = {
  ...stringish,
  'pattern': '^(\\*|\\d{12}|arn:[\\s\\S]*|[\\s\\S]*\\$\\{Token\\[[\\s\\S]*)$',
  'x-rule': 'must be "*", a 12-digit account ID or an ARN ("arn:...")',
};

const conditionValue = {
  'type': ['string', 'number', 'boolean', 'object'],
  'minProperties': 1,
  'maxProperties': 1,
  'propertyNames': { pattern: '^(Ref|Fn::[A-Za-z]+)$' },
  'x-rule': 'must be a string, number or boolean',
};

const condition = {
  'type': 'object',
  'propertyNames': { 'pattern': CONDITION_OPERATOR, 'x-rule': 'is not an IAM condition operator (e.g. StringEquals, ArnLike, Bool, ForAnyValue:StringLike, StringEqualsIfExists, Null)' },
  'additionalProperties': {
    'type': 'object',
    'minProperties': 1,
    'additionalProperties': {
      'type': ['string', 'number', 'boolean', 'object', 'array'],
      'items': conditionValue,
      'minItems': 1,
      'x-rule': 'must be a value or a non-empty list of values',
    },
    'x-rule': 'must map condition keys to values, e.g. {"aws:SourceAccount": "111122223333"}',
  },
  'x-rule': 'must map condition operators to blocks, e.g. {"StringEquals": {...}}',
};

const principalMap = {
  'type': ['string', 'object'],
  'pattern': '^\\*$',
  'minProperties': 1,
  'additionalProperties': false,
  'properties': {
    AWS: oneOrMany(awsPrincipal, 'must be an account ID, an IAM ARN or "*", or a list of them'),
    Service: oneOrMany(stringish, 'must be a service principal such as "lambda.amazonaws.com", or a list of them'),
    Federated: oneOrMany(stringish, 'must be an identity provider ARN or name, or a list of them'),
    CanonicalUser: oneOrMany(stringish, 'must be a canonical user ID, or a list of them'),
  },
  'x-rule': 'must be "*" or an object with AWS, Service, Federated or CanonicalUser',
};

function statement(kind: PolicyKind): object {
  const properties: Record<string, object> = {
    Sid: { 'type': 'string', 'pattern': '^[A-Za-z0-9]*$', 'x-rule': 'must contain only letters and digits' },
    Effect: { 'enum': ['Allow', 'Deny'], 'x-rule': 'must be "Allow" or "Deny"' },
    Action: oneOrMany(action, 'must be an action or a non-empty list of actions'),
    NotAction: oneOrMany(action, 'must be an action or a non-empty list of actions'),
    Condition: condition,
  };
  if (kind === PolicyKind.IDENTITY) {
    properties.Resource = oneOrMany(resource, 'must be an ARN, "*" or a non-empty list of them');
    properties.NotResource = oneOrMany(resource, 'must be an ARN, "*" or a non-empty list of them');
  } else {
    properties.Principal = principalMap;
    properties.NotPrincipal = principalMap;
  }
  return {
    'type': 'object',
    'required': ['Effect'],
    'additionalProperties': false,
    properties,
    'x-rule': kind === PolicyKind.IDENTITY
      ? 'must be a statement object with Effect, Action or NotAction, Resource or NotResource, and optional Sid and Condition'
      : 'must be a statement object with Effect, Principal or NotPrincipal, Action or NotAction, and optional Sid and Condition',
  };
}

/** The schema of an identity (permissions) policy or of a trust policy. */
export function policySchema(kind: PolicyKind): object {
  const s = statement(kind);
  return {
    'type': 'object',
    'required': ['Statement'],
    'additionalProperties': false,
    'properties': {
      Version: { 'enum': ['2012-10-17', '2008-10-17'], 'x-rule': 'must be "2012-10-17" (or the legacy "2008-10-17")' },
      Id: { 'type': 'string', 'x-rule': 'must be a string' },
      Statement: { 'type': ['object', 'array'], 'minItems': 1, 'items': s, ...{ properties: (s as any).properties, additionalProperties: false, required: ['Effect'] }, 'x-rule': 'must be a statement or a non-empty list of statements' },
    },
    'x-rule': 'must be a policy object with Version and Statement',
  };
}
