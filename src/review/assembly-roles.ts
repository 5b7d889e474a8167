/**
 * The review model of an assembly: every `AWS::IAM::Role` of every stack (ours, plain
 * `iam.Role`, `CfnRole`, anyone's), with its trusted parties, permissions and findings, and the
 * trust graph between them. Pure data, built from templates in one pass; rendered by the
 * report, the Mermaid graph and the diff.
 */
import { AssemblyContent, StackTemplate, UnreadStack } from './cloud-assembly';
import { policySummaries, PolicySummary, revokedBefore } from './policy-summary';
import { roleFindings, ReviewFinding } from './role-findings';
import { TemplateValues } from './template-values';
import { addTrustEdges } from './trust-edges';
import { Cycle, DEPLOY_TIME_ACCOUNT, TrustGraph } from './trust-graph';
import { TrustedParty, trustedParties } from './trusted-party';
import { listOf } from '../validation/statements';

/** One role of the assembly, as the review shows it. */
export interface ReviewedRole {
  /** Position in the model. */
  readonly index: number;
  /** The construct path of the role (the construct that owns the `AWS::IAM::Role`). */
  readonly label: string;
  /** The full construct path of the resource, when the assembly's metadata says. */
  readonly resourcePath?: string;
  /** The stack's construct path. */
  readonly stack: string;
  /** The CloudFormation logical ID. */
  readonly logicalId: string;
  /** The template file, as read (absolute, or relative to the working directory). */
  readonly templatePath: string;
  /** The template file relative to the assembly directory. */
  readonly templateFile: string;
  /** The stack's account, when the stack names one. */
  readonly account?: string;
  /** The stack's region, when the stack names one. */
  readonly region?: string;
  /** The role name, rendered; undefined when CloudFormation generates it. */
  readonly roleName?: string;
  /** The role path. */
  readonly path: string;
  /** The description, rendered. */
  readonly description?: string;
  /** The maximum session duration in seconds (3600 when not set), or text when a deploy-time value. */
  readonly maxSessionDuration: number | string;
  /** The permissions boundary ARN, rendered. */
  readonly permissionsBoundary?: string;
  /** Managed policies: AWS managed by name (`AWS managed ReadOnlyAccess`), others as ARN text. */
  readonly managedPolicies: string[];
  /** Inline policies and policy resources of the app attached to the role. */
  readonly policies: PolicySummary[];
  /** The time before which sessions are revoked (a Deny on `aws:TokenIssueTime`), if set. */
  readonly revokedBefore?: string;
  /** The trust policy, intrinsics rendered as text. */
  readonly trustPolicy?: any;
  /** Who may assume the role. */
  readonly parties: TrustedParty[];
  /** Why the trust policy could not be read, if it could not. */
  readonly unreadable?: string;
  /** Findings of `RoleChecks` on the role. */
  readonly findings: ReviewFinding[];
  /** A cycle of trust through this role (labels), if any. */
  readonly trustCycle?: string[];
}

/** Options of the review model. */
export interface ReviewOptions {
  /** The trust policy size quota, for `TrustPolicyNearQuota`. */
  readonly trustPolicySizeQuota?: number;
}

/** The roles of an assembly and the trust graph between them. */
export interface AssemblyRoles {
  readonly roles: ReviewedRole[];
  readonly graph: TrustGraph;
  /** Stacks that could not be read. */
  readonly unread: UnreadStack[];
  /** Cycles of trust (labels), each once. */
  readonly cycles: string[][];
}

const MARKER = /\u0001role:(\d+):(\w+)\u0001/g;

/** Builds the review model of what was read of an assembly. */
export function assemblyRoles(content: AssemblyContent, options: ReviewOptions = {}): AssemblyRoles {
  const { stacks } = content;
  const graph = new TrustGraph();
  const found: { stack: number; logicalId: string; resource: any }[] = [];
  const roleIndex = new Map<string, number>();
  stacks.forEach((s, stack) => {
    for (const [logicalId, resource] of Object.entries<any>(s.template.Resources ?? {})) {
      if (resource?.Type === 'AWS::IAM::Role') {
        roleIndex.set(`${stack}\u0000${logicalId}`, found.push({ stack, logicalId, resource }) - 1);
      }
    }
  });
  const labels = found.map(({ stack, logicalId }) => roleLabel(stacks[stack], logicalId));
  const values = new TemplateValues(stacks, (stack, logicalId) => roleIndex.get(`${stack}\u0000${logicalId}`), (stack, logicalId) => resourceLabel(stacks[stack], logicalId));
  const display = (text: string) => text.replace(MARKER, (_, i: string, attribute: string) => `<${labels[Number(i)]}.${attribute === 'Ref' ? 'Name' : attribute}>`);

  const rendered = found.map(({ stack, logicalId, resource }, index) => {
    const s = stacks[stack];
    const props = resource.Properties ?? {};
    const name = values.render(props.RoleName, stack);
    const path = values.render(props.Path, stack);
    graph.addRole({
      label: labels[index],
      stack: s.name,
      account: s.account ?? DEPLOY_TIME_ACCOUNT,
      path: typeof path === 'string' ? path : '/',
      name: typeof name === 'string' && !/[{}<>\u0001]/.test(name) ? name : undefined,
    });
    return { stack, logicalId, resource, props, name, path, trust: values.render(props.AssumeRolePolicyDocument, stack) };
  });
  rendered.forEach(({ trust }, index) => addTrustEdges(graph, index, trust));

  const attached = attachedPolicies(stacks, values, found.length);
  const cycleFacts = graph.cycleFacts();
  const roles = rendered.map(({ stack, logicalId, resource, props, name, path, trust }, index): ReviewedRole => {
    const s = stacks[stack];
    const node = graph.nodes[index];
    const unreadable = unreadableTrust(props.AssumeRolePolicyDocument, trust);
    const context = {
      ownAccount: node.account,
      ownAccountKnown: s.account !== undefined,
      display,
      roleLabel: (i: number) => labels[i],
      roleByName: (account: string, roleName: string, rolePath?: string) => graph.findByName(account, roleName, rolePath),
    };
    const policies = [
      ...listOf(props.Policies).map((p: any) => ({ name: String(values.text(p?.PolicyName, stack)), source: 'inline', document: values.render(p?.PolicyDocument, stack), raw: p?.PolicyDocument })),
      ...attached[index],
    ];
    const cycles = cycleFacts[index];
    const trustCycle = cycles.trustCycle ?? cycles.circularReference;
    return {
      index,
      label: labels[index],
      resourcePath: s.constructPaths.get(logicalId),
      stack: s.name,
      logicalId,
      templatePath: s.templatePath,
      templateFile: s.templateFile,
      account: s.account,
      region: s.region,
      roleName: name === undefined ? undefined : display(String(name)),
      path: typeof path === 'string' ? path : '/',
      description: props.Description === undefined ? undefined : display(values.text(props.Description, stack)),
      maxSessionDuration: props.MaxSessionDuration === undefined ? 3600 : numberOr(values.render(props.MaxSessionDuration, stack)),
      permissionsBoundary: props.PermissionsBoundary === undefined ? undefined : display(values.text(props.PermissionsBoundary, stack)),
      managedPolicies: listOf(values.render(props.ManagedPolicyArns, stack)).map((arn) => managedPolicyName(display(String(arn)))),
      policies: policySummaries(policies.map((p) => ({ ...p, name: display(p.name) })))
        .map((p) => ({ ...p, actions: p.actions.map(display) })),
      revokedBefore: revokedBefore(policies.map((p) => p.document)),
      trustPolicy: trust,
      parties: unreadable ? [] : trustedParties(trust, context),
      unreadable,
      findings: roleFindings({
        stack: s,
        logicalId,
        resource,
        attached: attached[index].map((p) => ({ name: p.name, document: p.raw })),
        quota: options.trustPolicySizeQuota,
        label: labels[index],
        cycles: {
          trustCycle: cycles.trustCycle?.map((i) => labels[i]),
          trustCycleMembers: cycles.trustCycleMembers?.map((i) => labels[i]),
          circularReference: cycles.circularReference?.map((i) => labels[i]),
        },
      }),
      trustCycle: trustCycle?.map((i) => labels[i]),
    };
  });
  const seen = new Set<string>();
  const cycles: string[][] = [];
  for (const r of roles) {
    const key = r.trustCycle && [...new Set(r.trustCycle)].sort().join('\n');
    if (key && !seen.has(key)) {
      seen.add(key);
      cycles.push(r.trustCycle!);
    }
  }
  return { roles, graph, unread: content.unread, cycles };
}

/** `Cycle` re-exported for renderers. */
export type { Cycle };

/**
 * The construct path of the construct that owns a role resource: `Stack/Role` for
 * `Stack/Role/Resource` (an `iam.Role`) and for `Stack/Role/Default/Resource` (this library's
 * constructs); `Stack/LogicalId` when the assembly has no metadata.
 */
function roleLabel(stack: StackTemplate, logicalId: string): string {
  const constructPath = stack.constructPaths.get(logicalId);
  if (!constructPath) return `${stack.name}/${logicalId}`;
  return constructPath.replace(/\/Resource$/, '').replace(/\/Default$/, '');
}

/** The label of a resource that is not a role: its construct path without `/Resource`. */
export function resourceLabel(stack: StackTemplate, logicalId: string): string {
  const constructPath = stack.constructPaths.get(logicalId);
  return constructPath ? constructPath.replace(/\/Resource$/, '') : `${stack.name}/${logicalId}`;
}

/** `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources of the app, by the roles they attach to. */
/** A policy resource attached to a role: its document rendered, and as in the template. */
interface AttachedPolicy {
  readonly name: string;
  readonly source: string;
  readonly document: any;
  readonly raw: any;
}

function attachedPolicies(stacks: StackTemplate[], values: TemplateValues, roleCount: number): AttachedPolicy[][] {
  const out: AttachedPolicy[][] = Array.from({ length: roleCount }, () => []);
  stacks.forEach((s, stack) => {
    for (const [logicalId, resource] of Object.entries<any>(s.template.Resources ?? {})) {
      if (resource?.Type !== 'AWS::IAM::Policy' && resource?.Type !== 'AWS::IAM::ManagedPolicy') continue;
      const props = resource.Properties ?? {};
      for (const role of listOf(values.render(props.Roles, stack))) {
        const m = typeof role === 'string' ? /^\u0001role:(\d+):Ref\u0001$/.exec(role) : null;
        if (!m) continue;
        out[Number(m[1])].push({
          name: resourceLabel(s, logicalId),
          source: resource.Type,
          document: values.render(props.PolicyDocument, stack),
          raw: props.PolicyDocument,
        });
      }
    }
  });
  return out;
}

/** Why a trust policy cannot be read, or undefined when it can. */
function unreadableTrust(raw: any, rendered: any): string | undefined {
  if (raw === undefined) return 'the role has no AssumeRolePolicyDocument';
  if (!rendered || typeof rendered !== 'object' || Array.isArray(rendered)) {
    return `the trust policy is a deploy-time value (${typeof rendered === 'string' ? rendered : JSON.stringify(raw).slice(0, 80)}), which only CloudFormation resolves`;
  }
  const statement = rendered.Statement;
  if (statement === undefined) return 'the trust policy has no Statement';
  if (typeof statement !== 'object') return `the trust policy's Statement is a deploy-time value (${statement})`;
  return undefined;
}

/** `AWS managed ReadOnlyAccess` for AWS managed policy ARNs; the ARN text otherwise. */
function managedPolicyName(arn: string): string {
  const m = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(arn);
  return m ? `AWS managed ${m[1]}` : arn;
}

function numberOr(value: any): number | string {
  const n = Number(value);
  return Number.isFinite(n) && value !== '' ? n : String(value);
}
