import { STACK_SET_LIMITS } from './rollout-input';

/** One finding about a member template: the part it is about, the value shown and the rule. */
export interface TemplateFinding {
  readonly field: string;
  readonly value: unknown;
  readonly message: string;
}

/** CDK bootstrap buckets and repositories (`cdk-<qualifier>-assets-...`, `cdk-<qualifier>-container-assets-...`). */
const BOOTSTRAP_STORE = /cdk-[a-z0-9]+-(container-)?assets-/;

/**
 * What makes a member template undeployable by a StackSet: each is certain to fail every stack
 * instance, so each is an error.
 *
 * @param template the member stack's template as CloudFormation receives it
 * @param body the TemplateBody text sent to CloudFormation
 */
export function memberTemplateErrors(template: any, body: string): TemplateFinding[] {
  const errors: TemplateFinding[] = [];
  const resources: Record<string, any> = template?.Resources ?? {};
  if (Object.keys(resources).length === 0) {
    errors.push({
      field: 'memberStack',
      value: 'no resources',
      message: 'add the roles to deploy to rollout.memberStack (e.g. new CrossAccountRole(rollout.memberStack, ...) or RoleCatalog.fromFile(rollout.memberStack, ...)); '
        + 'CloudFormation rejects a template without resources',
    });
  }
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > STACK_SET_LIMITS.templateBodyBytes) {
    errors.push({
      field: 'member template',
      value: `${bytes.toLocaleString('en-US')} bytes`,
      message: `a StackSet's TemplateBody holds at most ${STACK_SET_LIMITS.templateBodyBytes.toLocaleString('en-US')} bytes (CloudFormation API reference, CreateStackSet); `
        + 'split the roles over several RoleRollouts, or shorten their policies (managed policies instead of long inline ones)',
    });
  }
  for (const [name, parameter] of Object.entries<any>(template?.Parameters ?? {})) {
    if (parameter?.Default === undefined) {
      errors.push({
        field: 'member template parameter',
        value: name,
        message: 'has no Default, and the StackSet passes no parameter values, so every stack instance would fail; give it a default or use a constant',
      });
    }
  }
  for (const [name, output] of Object.entries<any>(template?.Outputs ?? {})) {
    if (output?.Export !== undefined) {
      errors.push({
        field: 'member template output',
        value: name,
        message: 'exports a value of the member stack to other stacks, which cannot import it: the StackSet deploys this template into other accounts. '
          + 'Refer to member roles by name instead, e.g. the ARN template arn:{partition}:iam::*:role/<name> (RoleRollout.grantAssumeFromHub does that)',
      });
    }
  }
  for (const path of findKeys(template, 'Fn::ImportValue')) {
    errors.push({
      field: 'member template value',
      value: path,
      message: 'imports a value of another stack (Fn::ImportValue): member stacks deploy into other accounts, where no such export exists; '
        + 'give the value as a constant, e.g. a role ARN as an ARN template with its account',
    });
  }
  const names = new Map<string, string>();
  for (const [id, resource] of Object.entries(resources)) {
    const name = resource?.Type === 'AWS::IAM::Role' ? resource?.Properties?.RoleName : undefined;
    if (typeof name !== 'string') {
      continue;
    }
    const other = names.get(name.toLowerCase());
    if (other !== undefined) {
      errors.push({
        field: `roleName of ${id}`,
        value: name,
        message: `is also the name of ${other} (IAM compares role names case-insensitively); a role name is unique in an account, so the stack instances would fail`,
      });
    } else {
      names.set(name.toLowerCase(), id);
    }
  }
  return errors;
}

/**
 * Where a member template relies on CDK bootstrap resources (assets in `cdk-<qualifier>-assets-...`
 * buckets, images in `cdk-<qualifier>-container-assets-...` repositories). A StackSet deploys the
 * template only: nothing publishes assets to the member accounts, so the stack instances fail
 * unless something else put the same objects there. The paths of the values, e.g.
 * `Resources.Fn.Properties.Code.S3Bucket`.
 */
export function bootstrapReferences(template: any): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (BOOTSTRAP_STORE.test(value)) {
        found.push(path);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        walk(v, k.startsWith('Fn::') || k === 'Ref' ? path : `${path}.${k}`);
      }
    }
  };
  walk(template?.Resources ?? {}, 'Resources');
  return [...new Set(found)];
}

/** The paths of every key `key` in a template, e.g. `Resources.Role.Properties.X`. */
function findKeys(value: unknown, key: string, path = '', out: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => findKeys(v, key, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) {
        out.push(path.replace(/^\./, ''));
      }
      findKeys(v, key, `${path}.${k}`, out);
    }
  }
  return out;
}
