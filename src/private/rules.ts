import { Token } from 'aws-cdk-lib';

/**
 * IAM's input rules, each written once: the constructs check values with `breaks`, and the
 * catalog's JSON Schema uses `pattern`, `maxLength` and `rule`, so the two can never drift
 * apart (a property test draws strings and asserts that `breaks` and the schema pattern agree).
 *
 * `pattern` is an anchored regular expression that is valid both in JavaScript (with the `u`
 * flag) and in JSON Schema as ajv and editors read it. `rule` ends the sentence "<value>
 * <rule>" in catalog messages; the constructs' messages, which name the value and what is
 * wrong with it, are written next to the rule they explain.
 */
export interface InputRule {
  /** The anchored pattern every valid value matches. */
  readonly pattern: string;
  /** The longest valid value, when the pattern does not say it. */
  readonly maxLength?: number;
  /** What a valid value is, e.g. `must be a 12-digit AWS account ID`. */
  readonly rule: string;
}

const compiled = new Map<string, RegExp>();

/** Whether a literal value matches the rule (pattern and length). */
export function matches(rule: InputRule, value: string): boolean {
  let regex = compiled.get(rule.pattern);
  if (!regex) {
    regex = new RegExp(rule.pattern, 'u');
    compiled.set(rule.pattern, regex);
  }
  return regex.test(value) && (rule.maxLength === undefined || value.length <= rule.maxLength);
}

/**
 * Whether a value breaks the rule. A CDK token is never reported: its value is known only at
 * deploy time.
 */
export function breaks(rule: InputRule, value: string): boolean {
  return !Token.isUnresolved(value) && !matches(rule, value);
}

// ---------------------------------------------------------------------------------------
// Identifiers of AWS
// ---------------------------------------------------------------------------------------

/** A 12-digit account ID. */
export const ACCOUNT_ID: InputRule = {
  pattern: '^\\d{12}$',
  rule: 'must be a 12-digit AWS account ID',
};

/** A 12-digit account ID, or the `{account}` placeholder for the stack's own account. */
export const ACCOUNT_ID_OR_PLACEHOLDER: InputRule = {
  pattern: '^(\\d{12}|\\{account\\})$',
  rule: 'must be a 12-digit AWS account ID as a string, or {account} for the stack\'s own account',
};

/**
 * An `sts:ExternalId` value: 2-1,224 characters of letters, digits and `+=,.@:/-_`
 * (AssumeRole API reference, ExternalId).
 */
export const EXTERNAL_ID: InputRule = {
  pattern: '^[\\w+=,.@:/-]{2,1224}$',
  rule: 'must be an ExternalId of 2-1,224 letters, digits and +=,.@:/-_ (sts:ExternalId)',
};

/** An AWS Organizations organization ID (Organizations API reference, Organization Id). */
export const ORGANIZATION_ID: InputRule = {
  pattern: '^o-[a-z0-9]{10,32}$',
  rule: 'must be an AWS Organizations ID such as "o-a1b2c3d4e5" (o- and 10-32 lowercase letters or digits)',
};

/**
 * An organizational unit ID: `ou-`, 4-32 lowercase letters or digits (the ID of the root that
 * contains the OU, without `r-`), `-`, and 8-32 more (Organizations API reference,
 * OrganizationalUnit Id: `^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`).
 */
export const ORGANIZATIONAL_UNIT_ID: InputRule = {
  pattern: '^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$',
  rule: 'must be an organizational unit ID such as "ou-ab12-cd34ef56" (ou-, 4-32 lowercase letters or digits, -, 8-32 lowercase letters or digits)',
};

/**
 * An organization root ID: `r-` and 4-32 lowercase letters or digits (Organizations API
 * reference, Root Id and Parent Id: `^r-[0-9a-z]{4,32}$`).
 */
export const ORGANIZATION_ROOT_ID: InputRule = {
  pattern: '^r-[0-9a-z]{4,32}$',
  rule: 'must be an organization root ID such as "r-ab12" (r- and 4-32 lowercase letters or digits)',
};

/** Where a service-managed StackSet deploys: an organizational unit or the organization's root. */
export const ORGANIZATIONAL_UNIT_OR_ROOT_ID: InputRule = {
  pattern: `^(${ORGANIZATIONAL_UNIT_ID.pattern.slice(1, -1)}|${ORGANIZATION_ROOT_ID.pattern.slice(1, -1)})$`,
  rule: 'must be an organizational unit ID such as "ou-ab12-cd34ef56" (ou-, 4-32 lowercase letters or digits, -, 8-32 lowercase letters or digits) '
    + 'or the organization\'s root ID such as "r-ab12"',
};

/**
 * The shape of an AWS Region name: a 2-4 letter area, one or more lowercase words, a number
 * (`us-east-1`, `us-gov-west-1`, `eu-isoe-west-1`, `eusc-de-east-1`). The shape, not a list:
 * every `regionRegex` of the AWS SDKs' partitions (`@aws-sdk/util-endpoints` partitions.json:
 * aws `(us|eu|ap|sa|ca|me|af|il|mx)-word-digits`, aws-cn `cn-...`, aws-us-gov `us-gov-...`, the
 * ISO partitions, aws-eusc `eusc-de-...`) has it, and a Region opened after this release passes.
 * Availability Zones (`us-east-1a`), upper case and missing dashes do not.
 */
export const REGION: InputRule = {
  pattern: '^[a-z]{2,4}(-[a-z]+)+-\\d{1,2}$',
  rule: 'must be an AWS Region name such as "us-east-1" or "eu-central-2" (lowercase, dashes, ending in a number; not an Availability Zone)',
};

/**
 * A StackSet name: letters, digits and hyphens, starting with a letter, at most 128 characters
 * (CloudFormation API reference, CreateStackSet StackSetName).
 */
export const STACK_SET_NAME: InputRule = {
  pattern: '^[A-Za-z][A-Za-z0-9-]{0,127}$',
  rule: 'must be a StackSet name of 1-128 letters, digits and hyphens, starting with a letter',
};

/** A service principal, short (`lambda`) or full (`lambda.amazonaws.com`). */
export const SERVICE_NAME: InputRule = {
  pattern: '^[a-z0-9][a-z0-9.-]*$',
  rule: 'must be an AWS service name such as "lambda" or "lambda.amazonaws.com"',
};

// ---------------------------------------------------------------------------------------
// Role attributes (IAM API reference, CreateRole; IAM quotas)
// ---------------------------------------------------------------------------------------

/** A role name: 1-64 of `[\w+=,.@-]`. IAM compares role names case-insensitively. */
export const ROLE_NAME: InputRule = {
  pattern: '^[\\w+=,.@-]{1,64}$',
  rule: 'must be a role name of 1-64 letters, digits and +=,.@_-',
};

/** An inline policy name (PolicyName of PutRolePolicy): 1-128 of `[\w+=,.@-]`. */
export const POLICY_NAME: InputRule = {
  pattern: '^[\\w+=,.@-]{1,128}$',
  rule: 'must be a policy name of 1-128 letters, digits and +=,.@_-',
};

/**
 * An IAM path: `/`, or segments of printable ASCII other than `/` each followed by `/`; at
 * most 512 characters.
 */
export const ROLE_PATH: InputRule = {
  pattern: '^/([\\x21-\\x2E\\x30-\\x7E]+/)*$',
  maxLength: 512,
  rule: 'must be "/" or begin and end with "/", e.g. "/service-roles/", with printable ASCII between the slashes and no empty segment',
};

/** A role description: at most 1,000 characters of tab, LF, CR, U+0020-U+007E and U+00A1-U+00FF. */
export const ROLE_DESCRIPTION: InputRule = {
  pattern: '^[\\t\\n\\r\\x20-\\x7E\\xA1-\\xFF]*$',
  maxLength: 1000,
  rule: 'must be at most 1,000 characters of tab, LF, CR, U+0020-U+007E and U+00A1-U+00FF',
};

/** The characters of tag keys and values (IAM tagging rules). */
const TAG_CHARACTERS = '[\\p{L}\\p{Z}\\p{N}_.:/=+@-]';

/** A tag key: 1-128 tag characters, not starting with the reserved prefix `aws:` (any case). */
export const TAG_KEY: InputRule = {
  pattern: `^(?![aA][wW][sS]:)${TAG_CHARACTERS}{1,128}$`,
  rule: 'must be 1-128 letters, digits, spaces and _.:/=+-@, not starting with "aws:"',
};

/** A tag value: 0-256 tag characters. */
export const TAG_VALUE: InputRule = {
  pattern: `^${TAG_CHARACTERS}{0,256}$`,
  rule: 'must be a string of 0-256 letters, digits, spaces and _.:/=+-@',
};

/** An AWS managed policy name, optionally with its path: `ReadOnlyAccess`, `service-role/AWSLambdaBasicExecutionRole`. */
export const AWS_MANAGED_POLICY_NAME: InputRule = {
  pattern: '^[\\w+=,.@/-]+$',
  rule: 'must be an AWS managed policy name such as "ReadOnlyAccess" or "service-role/AWSLambdaBasicExecutionRole" (use managedPolicyArns for ARNs)',
};

/** Numeric limits of roles. */
export const ROLE_LIMITS = {
  /** MaxSessionDuration of CreateRole, in seconds. */
  minSessionSeconds: 3600,
  maxSessionSeconds: 43200,
  /** Tags per role. */
  tagsMax: 50,
};

// ---------------------------------------------------------------------------------------
// ARNs. Partition and account are left open, so that the `{partition}` and `{account}`
// placeholders of ARN templates pass; placeholders are checked by name elsewhere.
// ---------------------------------------------------------------------------------------

/**
 * Any ARN or ARN pattern: six colon-separated parts. `ArnLike` compares each of the six parts
 * on its own, so a pattern with fewer parts matches nothing.
 */
export const ARN: InputRule = {
  pattern: '^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$',
  rule: 'must be an ARN or ARN template (arn:<partition>:<service>:<region>:<account>:<resource>)',
};

/** An IAM role ARN. */
export const ROLE_ARN: InputRule = {
  pattern: '^arn:[^:]+:iam::[^:]+:role/[\\w+=,.@/-]+$',
  rule: 'must be an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)',
};

/** An IAM user ARN. */
export const USER_ARN: InputRule = {
  pattern: '^arn:[^:]+:iam::[^:]+:user/[\\w+=,.@/-]+$',
  rule: 'must be an IAM user ARN (arn:<partition>:iam::<account>:user/<name>)',
};

/** An IAM managed policy ARN (AWS managed policies have no account: `arn:aws:iam::aws:policy/...`). */
export const MANAGED_POLICY_ARN: InputRule = {
  pattern: '^arn:[^:]+:iam::[^:]*:policy/[\\w+=,.@/-]+$',
  rule: 'must be an IAM managed policy ARN (arn:<partition>:iam::<account>:policy/<name>)',
};

/**
 * An IAM OIDC provider ARN. The issuer part also names the condition keys (`<issuer>:sub`),
 * so it may hold no placeholder and no whitespace.
 */
export const OIDC_PROVIDER_ARN: InputRule = {
  pattern: '^arn:[^:]+:iam::[^:]+:oidc-provider/[^{}\\s]+$',
  rule: 'must be an IAM OIDC provider ARN (arn:<partition>:iam::<account>:oidc-provider/<issuer>), with no placeholder in the issuer part',
};

/** An IAM SAML provider ARN. */
export const SAML_PROVIDER_ARN: InputRule = {
  pattern: '^arn:[^:]+:iam::[^:]+:saml-provider/[\\w.-]+$',
  rule: 'must be an IAM SAML provider ARN (arn:<partition>:iam::<account>:saml-provider/<name>)',
};

/** The ARN of an account root, a role or a user, in a known partition. */
export const IAM_PRINCIPAL_ARN: InputRule = {
  pattern: '^arn:(\\{partition\\}|aws|aws-cn|aws-us-gov|aws-iso[a-z-]*):iam::(\\d{12}|\\{account\\}):(root|role/.+|user/.+)$',
  rule: 'must be an IAM account root, role or user ARN',
};

// ---------------------------------------------------------------------------------------
// Identities of OIDC issuers
// ---------------------------------------------------------------------------------------

/**
 * A Kubernetes namespace: a lowercase RFC 1123 DNS label (a-z, 0-9 and `-`, at most 63, no
 * dot), plus the IAM wildcards `*` and `?`.
 */
const K8S_NAMESPACE = '[a-z0-9*?]([a-z0-9*?-]{0,61}[a-z0-9*?])?';
/** A service account name: a lowercase DNS subdomain (dots allowed, at most 253), plus wildcards. */
const K8S_NAME = '[a-z0-9*?]([a-z0-9.*?-]{0,251}[a-z0-9*?])?';

/** The namespace of a service account. */
export const KUBERNETES_NAMESPACE: InputRule = {
  pattern: `^${K8S_NAMESPACE}$`,
  rule: 'must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards)',
};

/** The name of a service account. */
export const KUBERNETES_NAME: InputRule = {
  pattern: `^${K8S_NAME}$`,
  rule: 'must be a lowercase DNS name of at most 253 characters (a-z, 0-9, "-", "."; "*" and "?" as wildcards)',
};

/** A service account written `namespace:name`. */
export const SERVICE_ACCOUNT: InputRule = {
  pattern: `^${K8S_NAMESPACE}:${K8S_NAME}$`,
  rule: 'must be a Kubernetes service account written "namespace:name" (namespace: a lowercase DNS label of a-z, 0-9 and "-"; name: lowercase letters, digits, "-" and "."; * and ? as wildcards)',
};

/** A GitHub repository, `owner/name`, with IAM wildcards. */
export const GITHUB_REPOSITORY: InputRule = {
  pattern: '^[A-Za-z0-9*?-]+/[A-Za-z0-9_.*?-]+$',
  rule: 'must be a GitHub repository written "owner/name"',
};

/** A branch, tag or environment name in a GitHub subject. */
export const GITHUB_REF_NAME: InputRule = {
  pattern: '^\\S+$',
  rule: 'must be non-empty and contain no whitespace',
};

/** An OIDC issuer URL, with or without `https://`. */
export const ISSUER_URL: InputRule = {
  pattern: '^(https://)?[A-Za-z0-9.-]+(/[\\w./-]*)?$',
  rule: 'must be an OIDC issuer URL (https://host/path), e.g. https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE',
};

// ---------------------------------------------------------------------------------------
// Identities of the web identity providers built into STS (Cognito, Google, Facebook, Amazon)
// ---------------------------------------------------------------------------------------

/**
 * A Cognito identity pool ID (or identity ID): "An identity pool ID in the format REGION:GUID",
 * API pattern `[\w-]+:[0-9a-f-]+`, at most 55 characters (Cognito Identity API reference, GetId
 * IdentityPoolId, https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html).
 * The Region part has the shape of `REGION`, the GUID its 8-4-4-4-12 lowercase hex digits.
 */
export const IDENTITY_POOL_ID: InputRule = {
  pattern: '^[a-z]{2,4}(-[a-z]+)+-\\d{1,2}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  maxLength: 55,
  rule: 'must be written "<region>:<GUID>" in lowercase, e.g. "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" (Cognito identity pool and identity IDs)',
};

/**
 * An application or user ID of Google, Facebook or Login with Amazon in a trust condition:
 * compared exactly (StringEquals), so no whitespace and no IAM wildcards.
 */
export const WEB_IDENTITY_ID: InputRule = {
  pattern: '^[^\\s*?]+$',
  rule: 'must be a non-empty ID without whitespace or the wildcards * and ? (it is compared exactly)',
};

// EKS Pod Identity: the clusters, namespaces and service accounts of associations, and the
// values of the session tags EKS sets from them
// ---------------------------------------------------------------------------------------

/**
 * An EKS cluster name: 1-100 letters, digits, hyphens and underscores, starting with a letter
 * or digit (EKS API reference, CreateCluster `name`:
 * https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html).
 */
export const EKS_CLUSTER_NAME: InputRule = {
  pattern: '^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$',
  rule: 'must be an EKS cluster name of 1-100 letters, digits, "-" and "_", starting with a letter or digit',
};

/** An EKS cluster name pattern of a trust condition: a cluster name, with `*` and `?` wildcards. */
export const EKS_CLUSTER_NAME_PATTERN: InputRule = {
  pattern: '^[0-9A-Za-z*?][A-Za-z0-9_*?-]{0,99}$',
  rule: 'must be an EKS cluster name of 1-100 letters, digits, "-" and "_", starting with a letter or digit ("*" and "?" as wildcards)',
};

/**
 * An EKS cluster ARN or ARN pattern, `arn:<partition>:eks:<region>:<account>:cluster/<name>`
 * (the value of the `eks-cluster-arn` session tag), with `*` and `?` wildcards and placeholders.
 */
export const EKS_CLUSTER_ARN: InputRule = {
  pattern: '^arn:[^:]+:eks:[^:]+:[^:]+:cluster/[0-9A-Za-z*?][A-Za-z0-9_*?-]{0,99}$',
  rule: 'must be an EKS cluster ARN (arn:<partition>:eks:<region>:<account>:cluster/<name>)',
};

/**
 * A Kubernetes namespace as it is: a lowercase RFC 1123 DNS label, at most 63 characters of
 * a-z, 0-9 and `-`, starting and ending with a letter or digit
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names).
 */
export const KUBERNETES_NAMESPACE_NAME: InputRule = {
  pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
  rule: 'must be a Kubernetes namespace: a lowercase DNS label of at most 63 characters (a-z, 0-9 and "-", starting and ending with a letter or digit)',
};

/**
 * A Kubernetes service account name as it is: a lowercase RFC 1123 DNS subdomain, at most 253
 * characters of a-z, 0-9, `-` and `.`, starting and ending with a letter or digit
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names).
 */
export const KUBERNETES_SERVICE_ACCOUNT_NAME: InputRule = {
  pattern: '^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$',
  rule: 'must be a Kubernetes service account name: a lowercase DNS subdomain of at most 253 characters (a-z, 0-9, "-" and ".", starting and ending with a letter or digit)',
};
