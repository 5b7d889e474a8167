/**
 * Template values as readable text. CloudFormation intrinsics become placeholders a reviewer
 * reads at a glance: `{partition}`, `{account}`, `{region}`, `{urlSuffix}` for pseudo
 * parameters, `<Stack/Role.Arn>` for attributes of resources, `<Param>` for parameters, and
 * references to roles of the app become role markers (see `roleMarker`) so the trust graph can
 * follow them. `Fn::ImportValue` is followed to the exporting stack's output, across stacks.
 */
import { StackTemplate } from './cloud-assembly';
import { roleMarker } from './role-arn';

const PSEUDO: { [name: string]: string } = {
  'AWS::Partition': '{partition}',
  'AWS::AccountId': '{account}',
  'AWS::Region': '{region}',
  'AWS::URLSuffix': '{urlSuffix}',
  'AWS::StackName': '{stackName}',
  'AWS::StackId': '{stackId}',
  'AWS::NotificationARNs': '{notificationArns}',
};

/** A value that `render` drops (`Ref AWS::NoValue`). */
const NO_VALUE = Symbol('no value');

/** Where a role resource sits: for role markers. */
export type RoleIndexOf = (stack: number, logicalId: string) => number | undefined;

/** Renders template values of the stacks of one assembly. */
export class TemplateValues {
  private readonly exports = new Map<string, { stack: number; value: unknown }>();

  /**
   * @param stacks the stacks of the assembly
   * @param roleIndex the index of a role resource, for role markers
   * @param labelOf the readable name of a resource, e.g. its construct path
   */
  constructor(
    private readonly stacks: StackTemplate[],
    private readonly roleIndex: RoleIndexOf,
    private readonly labelOf: (stack: number, logicalId: string) => string,
  ) {
    stacks.forEach((s, stack) => {
      for (const output of Object.values<any>(s.template.Outputs ?? {})) {
        const name = output?.Export?.Name;
        if (typeof name === 'string') this.exports.set(name, { stack, value: output.Value });
      }
    });
  }

  /**
   * The value with every intrinsic rendered as text. Objects and lists keep their shape, so a
   * policy document stays a policy document.
   */
  public render(value: unknown, stack: number, depth = 0): any {
    const out = this.renderValue(value, stack, depth);
    return out === NO_VALUE ? undefined : out;
  }

  private renderValue(value: unknown, stack: number, depth: number): any {
    if (depth > 50) return '<...>';
    if (Array.isArray(value)) {
      return value.map((v) => this.renderValue(v, stack, depth + 1)).filter((v) => v !== NO_VALUE);
    }
    if (!value || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      return this.intrinsic(keys[0], (value as any)[keys[0]], stack, depth + 1);
    }
    const out: { [key: string]: any } = {};
    for (const [k, v] of Object.entries(value)) {
      const r = this.renderValue(v, stack, depth + 1);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  /** A value rendered to one string (lists joined with `, `). */
  public text(value: unknown, stack: number): string {
    const r = this.render(value, stack);
    if (typeof r === 'string') return r;
    if (Array.isArray(r)) return r.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
    return r === undefined ? '' : typeof r === 'object' ? JSON.stringify(r) : String(r);
  }

  private intrinsic(fn: string, arg: any, stack: number, depth: number): any {
    switch (fn) {
      case 'Ref':
        return this.ref(arg, stack);
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg) ? arg : String(arg).split(/\.(.*)/);
        return this.getAtt(String(logicalId), String(attribute), stack);
      }
      case 'Fn::Join': {
        if (!Array.isArray(arg) || arg.length !== 2) return '<Fn::Join>';
        const parts = this.renderValue(arg[1], stack, depth);
        if (!Array.isArray(parts)) return `<Fn::Join of ${typeof parts === 'string' ? parts : 'a list'}>`;
        return parts.map((p) => (typeof p === 'string' || typeof p === 'number' ? String(p) : '<...>')).join(String(arg[0]));
      }
      case 'Fn::Sub':
        return this.sub(arg, stack, depth);
      case 'Fn::ImportValue': {
        const name = this.renderValue(arg, stack, depth);
        const exported = typeof name === 'string' ? this.exports.get(name) : undefined;
        if (exported && depth < 40) return this.renderValue(exported.value, exported.stack, depth);
        return `<import ${typeof name === 'string' ? name : '...'}>`;
      }
      case 'Fn::Select': {
        const list = Array.isArray(arg) ? this.renderValue(arg[1], stack, depth) : undefined;
        const index = Array.isArray(arg) ? Number(this.renderValue(arg[0], stack, depth)) : NaN;
        return Array.isArray(list) && Number.isInteger(index) && index >= 0 && index < list.length ? list[index] : '<Fn::Select>';
      }
      case 'Fn::Split': {
        const text = Array.isArray(arg) ? this.renderValue(arg[1], stack, depth) : undefined;
        return typeof text === 'string' ? text.split(String(arg[0])) : '<Fn::Split>';
      }
      case 'Fn::FindInMap': {
        const keys = Array.isArray(arg) ? arg.map((a) => this.renderValue(a, stack, depth)) : [];
        const found = keys.every((k) => typeof k === 'string') ? this.stacks[stack].template.Mappings?.[keys[0]]?.[keys[1]]?.[keys[2]] : undefined;
        return found !== undefined ? this.renderValue(found, stack, depth) : `<${keys.map((k) => (typeof k === 'string' ? k : '...')).join('.')}>`;
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = Array.isArray(arg) ? arg : [];
        const a = this.renderValue(whenTrue, stack, depth);
        const b = this.renderValue(whenFalse, stack, depth);
        if (typeof a === 'string' && typeof b === 'string') return `<if ${condition}: ${a} | ${b}>`;
        if (a === NO_VALUE && b === NO_VALUE) return NO_VALUE;
        return `<if ${condition}>`;
      }
      default:
        return `<${fn}>`;
    }
  }

  private ref(name: unknown, stack: number): any {
    const n = String(name);
    if (n === 'AWS::NoValue') return NO_VALUE;
    if (PSEUDO[n]) return PSEUDO[n];
    if (n.startsWith('AWS::')) return `{${n}}`;
    const role = this.roleIndex(stack, n);
    if (role !== undefined) return roleMarker(role, 'Ref');
    if (this.stacks[stack].template.Parameters?.[n] !== undefined) return `<${n}>`;
    return `<${this.labelOf(stack, n)}>`;
  }

  private getAtt(logicalId: string, attribute: string, stack: number): string {
    const role = this.roleIndex(stack, logicalId);
    if (role !== undefined && attribute === 'Arn') return roleMarker(role, 'Arn');
    return `<${this.labelOf(stack, logicalId)}.${attribute}>`;
  }

  private sub(arg: any, stack: number, depth: number): string {
    const [text, variables] = Array.isArray(arg) ? arg : [arg, {}];
    if (typeof text !== 'string') return '<Fn::Sub>';
    return text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      if (variables && typeof variables === 'object' && name in variables) {
        const v = this.renderValue(variables[name], stack, depth);
        return typeof v === 'string' ? v : '<...>';
      }
      const dot = name.indexOf('.');
      if (dot > 0 && !name.startsWith('AWS::')) return this.getAtt(name.slice(0, dot), name.slice(dot + 1), stack);
      const r = this.ref(name, stack);
      return typeof r === 'string' ? r : whole;
    });
  }
}
