/**
 * A tiny CloudFormation evaluator for tests: it turns a value as produced by
 * `stack.resolve(value)` (or read from a synthesized template) into the concrete value
 * CloudFormation would compute in a given partition, account and region.
 *
 * It understands the pseudo parameters `AWS::Partition`, `AWS::AccountId`, `AWS::Region` and
 * `AWS::URLSuffix`, extra `Ref`s passed in explicitly, and the intrinsics `Fn::Join`,
 * `Fn::Select`, `Fn::Split` and `Fn::FindInMap`. Anything else throws, so a test can never
 * pass by silently ignoring an intrinsic it did not expect.
 */

/** Where a template is deployed. */
export interface DeployEnvironment {
  readonly partition: string;
  readonly account: string;
  readonly region: string;
  readonly urlSuffix: string;
}

/** The partitions a role made by this library must work in. */
export type PartitionName = 'aws' | 'aws-cn' | 'aws-us-gov';

export const TEST_ACCOUNT = '123456789012';

/** One typical environment per partition. */
export const ENVIRONMENTS: Record<PartitionName, DeployEnvironment> = {
  'aws': { partition: 'aws', account: TEST_ACCOUNT, region: 'us-east-1', urlSuffix: 'amazonaws.com' },
  'aws-cn': { partition: 'aws-cn', account: TEST_ACCOUNT, region: 'cn-north-1', urlSuffix: 'amazonaws.com.cn' },
  'aws-us-gov': { partition: 'aws-us-gov', account: TEST_ACCOUNT, region: 'us-gov-west-1', urlSuffix: 'amazonaws.com' },
};

export const PARTITION_NAMES = Object.keys(ENVIRONMENTS) as PartitionName[];

/** What a template may hold besides the environment. */
export interface ResolveContext {
  /** The template's `Mappings` section, for `Fn::FindInMap`. */
  readonly mappings?: Record<string, Record<string, Record<string, unknown>>>;
  /** Values of `Ref`s to resources or parameters, by logical ID. */
  readonly refs?: Record<string, unknown>;
}

/**
 * Evaluates every intrinsic in `value` for the environment (a partition name or a full
 * environment). Objects and arrays are walked; plain strings, numbers and booleans are
 * returned as they are.
 */
export function resolveCfn(value: unknown, env: PartitionName | DeployEnvironment, context: ResolveContext = {}): any {
  const environment = typeof env === 'string' ? ENVIRONMENTS[env] : env;
  if (!environment) {
    throw new Error(`unknown partition ${JSON.stringify(env)}`);
  }
  return evaluate(value, environment, context);
}

function evaluate(value: unknown, env: DeployEnvironment, context: ResolveContext): any {
  if (Array.isArray(value)) {
    return value.map((v) => evaluate(v, env, context));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const keys = Object.keys(value);
  const intrinsic = keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::')) ? keys[0] : undefined;
  if (intrinsic === undefined) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, env, context)]));
  }
  const args = (value as Record<string, unknown>)[intrinsic];
  switch (intrinsic) {
    case 'Ref':
      return ref(args, env, context);
    case 'Fn::Join':
      return join(args, env, context);
    case 'Fn::Select':
      return select(args, env, context);
    case 'Fn::Split':
      return split(args, env, context);
    case 'Fn::FindInMap':
      return findInMap(args, env, context);
    default:
      throw new Error(`cannot resolve intrinsic ${intrinsic}: ${JSON.stringify(value)}`);
  }
}

const PSEUDO_PARAMETERS: Record<string, (env: DeployEnvironment) => string> = {
  'AWS::Partition': (env) => env.partition,
  'AWS::AccountId': (env) => env.account,
  'AWS::Region': (env) => env.region,
  'AWS::URLSuffix': (env) => env.urlSuffix,
};

function ref(name: unknown, env: DeployEnvironment, context: ResolveContext): unknown {
  if (typeof name !== 'string') {
    throw new Error(`Ref needs a logical ID or pseudo parameter name, got ${JSON.stringify(name)}`);
  }
  if (Object.prototype.hasOwnProperty.call(PSEUDO_PARAMETERS, name)) {
    return PSEUDO_PARAMETERS[name](env);
  }
  if (context.refs && Object.prototype.hasOwnProperty.call(context.refs, name)) {
    return context.refs[name];
  }
  throw new Error(`cannot resolve Ref ${name}`);
}

function join(args: unknown, env: DeployEnvironment, context: ResolveContext): string {
  if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== 'string') {
    throw new Error(`Fn::Join needs [delimiter, list], got ${JSON.stringify(args)}`);
  }
  const list = evaluate(args[1], env, context);
  if (!Array.isArray(list)) {
    throw new Error(`Fn::Join needs a list, got ${JSON.stringify(list)}`);
  }
  return list.map((item) => stringOf('Fn::Join', item)).join(args[0]);
}

function select(args: unknown, env: DeployEnvironment, context: ResolveContext): unknown {
  if (!Array.isArray(args) || args.length !== 2) {
    throw new Error(`Fn::Select needs [index, list], got ${JSON.stringify(args)}`);
  }
  const index = Number(evaluate(args[0], env, context));
  const list = evaluate(args[1], env, context);
  if (!Array.isArray(list)) {
    throw new Error(`Fn::Select needs a list, got ${JSON.stringify(list)}`);
  }
  if (!Number.isInteger(index) || index < 0 || index >= list.length) {
    throw new Error(`Fn::Select index ${JSON.stringify(args[0])} is out of range for ${JSON.stringify(list)}`);
  }
  return list[index];
}

function split(args: unknown, env: DeployEnvironment, context: ResolveContext): string[] {
  if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== 'string') {
    throw new Error(`Fn::Split needs [delimiter, source], got ${JSON.stringify(args)}`);
  }
  return stringOf('Fn::Split', evaluate(args[1], env, context)).split(args[0]);
}

function findInMap(args: unknown, env: DeployEnvironment, context: ResolveContext): unknown {
  if (!Array.isArray(args) || args.length !== 3) {
    throw new Error(`Fn::FindInMap needs [map, top-level key, second-level key], got ${JSON.stringify(args)}`);
  }
  const [mapName, topKey, secondKey] = args.map((a) => stringOf('Fn::FindInMap', evaluate(a, env, context)));
  const map = context.mappings?.[mapName];
  if (!map) {
    throw new Error(`Fn::FindInMap: no mapping ${mapName}`);
  }
  const top = Object.prototype.hasOwnProperty.call(map, topKey) ? map[topKey] : undefined;
  if (!top || !Object.prototype.hasOwnProperty.call(top, secondKey)) {
    throw new Error(`Fn::FindInMap: mapping ${mapName} has no ${topKey}.${secondKey}`);
  }
  return top[secondKey];
}

function stringOf(intrinsic: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new Error(`${intrinsic} needs strings, got ${JSON.stringify(value)}`);
  }
  return value;
}
