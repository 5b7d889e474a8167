/**
 * The trust graph of an app: one node per `AWS::IAM::Role`, one edge from a role to every role
 * its trust policy lets assume it. Pure data and algorithms, no constructs, so the same graph
 * serves the checks at synthesis and, later, readers of a cloud assembly.
 *
 * Cost: building is linear in roles plus edges; cycles are found with Tarjan's strongly
 * connected components algorithm, also linear.
 */

/**
 * The account of every environment-agnostic stack: "the same deploy-time account". Used by the
 * synthesis-time model and the review of an assembly alike.
 */
export const DEPLOY_TIME_ACCOUNT = '{deploy-time account}';

/** How a trust policy names the role it trusts. */
export enum EdgeKind {
  /**
   * By a CloudFormation reference (`Fn::GetAtt <role>.Arn`, or `Ref <role>` inside an ARN) to a
   * role of the same stack: the trusting role depends on the trusted one at deploy time.
   */
  SAME_STACK_REFERENCE = 'same-stack reference',
  /** By a reference to a role of another stack (an export/import between stacks). */
  CROSS_STACK_REFERENCE = 'cross-stack reference',
  /** By ARN text (literal, or joined from partition/account values and the role's name). */
  NAME = 'name',
}

/** One role of the app. */
export interface RoleNode {
  /** The place to report findings, e.g. the construct path `App/Stack/Deployer`. */
  readonly label: string;
  /** Which stack the role is in (any value unique per stack). */
  readonly stack: string;
  /**
   * The account the role is deployed to: the stack's account ID, or one shared symbol for
   * every environment-agnostic stack ("the same deploy-time account").
   */
  readonly account: string;
  /** The role's path, `/` by default. */
  readonly path: string;
  /** The role's name when it is known at synthesis, else undefined (a generated name). */
  readonly name?: string;
}

/** An edge: `from`'s trust policy names `to`, so `to` may assume `from`. */
export interface TrustEdge {
  readonly from: number;
  readonly to: number;
  readonly kind: EdgeKind;
}

/** A cycle of trust, as node indexes; the first node is repeated at the end. */
export type Cycle = number[];

/** What the graph says about one role. */
export interface RoleCycleFacts {
  /**
   * Roles of one stack whose trust policies reference each other's ARN in a cycle, or a role
   * referencing its own ARN: CloudFormation rejects the circular dependency.
   */
  readonly circularReference?: Cycle;
  /** A cycle of trust through this role (excluding a role trusting itself by name). */
  readonly trustCycle?: Cycle;
  /** Every role of the strongly connected component `trustCycle` runs through. */
  readonly trustCycleMembers?: number[];
}

/** Role names are compared case-insensitively, as IAM compares them. */
export function nameKey(account: string, name: string): string {
  return `${account}\u0000${name.toLowerCase()}`;
}

/** The roles of an app and the trust edges between them. */
export class TrustGraph {
  public readonly nodes: RoleNode[] = [];
  public readonly edges: TrustEdge[] = [];
  private readonly byName = new Map<string, number>();
  private pendingNames?: () => void;

  /**
   * Defers naming the roles until a principal names a role by name (`findByName`): reading
   * names costs a resolution per role, and most trust policies name no role by name.
   *
   * @param nameRoles gives each role its name and path (with `nameRole`)
   */
  public nameRolesWhenNeeded(nameRoles: () => void): void {
    this.pendingNames = nameRoles;
  }

  /** Gives a role, added without them, its name and path. */
  public nameRole(index: number, name: string | undefined, path: string): void {
    const node = this.nodes[index];
    // Each field by name: a node's label may be a getter of its class, which a spread would not copy.
    this.nodes[index] = { label: node.label, stack: node.stack, account: node.account, name, path };
    if (name !== undefined) {
      this.byName.set(nameKey(node.account, name), index);
    }
  }

  /** Adds a role and returns its index. */
  public addRole(node: RoleNode): number {
    const index = this.nodes.push(node) - 1;
    if (node.name !== undefined) {
      this.byName.set(nameKey(node.account, node.name), index);
    }
    return index;
  }

  /**
   * The role with this name in this account, or undefined. When `path` is given (a role ARN
   * includes the path) it must match too; an assumed-role ARN names no path.
   */
  public findByName(account: string, name: string, path?: string): number | undefined {
    if (this.pendingNames) {
      const nameRoles = this.pendingNames;
      this.pendingNames = undefined;
      nameRoles();
    }
    const index = this.byName.get(nameKey(account, name));
    if (index === undefined || (path !== undefined && this.nodes[index].path !== path)) {
      return undefined;
    }
    return index;
  }

  public addEdge(edge: TrustEdge): void {
    this.edges.push(edge);
  }

  /** The cycle facts of every role, indexed like `nodes`. */
  public cycleFacts(): RoleCycleFacts[] {
    const facts: { circularReference?: Cycle; trustCycle?: Cycle; trustCycleMembers?: number[] }[] = this.nodes.map(() => ({}));

    // 1. CloudFormation dependency cycles: same-stack references, including a role naming itself.
    const references = this.edges.filter((e) => e.kind === EdgeKind.SAME_STACK_REFERENCE);
    for (const e of references) {
      if (e.from === e.to) {
        facts[e.from].circularReference = [e.from, e.from];
      }
    }
    const referenceComponents = components(this.nodes.length, references.filter((e) => e.from !== e.to));
    const referenceSets = new Set<string>();
    for (const members of referenceComponents) {
      referenceSets.add([...members].sort((a, b) => a - b).join(','));
      for (const m of members) {
        facts[m].circularReference ??= shortestCycle(m, new Set(members), references);
      }
    }

    // 2. Trust cycles through any kind of edge. A role trusting itself by name is legitimate
    //    (a function re-assuming its own role), so self edges are left out; a component that is
    //    exactly a reference cycle is already reported as the stronger finding above.
    const trust = this.edges.filter((e) => e.from !== e.to);
    for (const members of components(this.nodes.length, trust)) {
      if (referenceSets.has([...members].sort((a, b) => a - b).join(','))) {
        continue;
      }
      const inside = new Set(members);
      const cycle = shortestCycle(members[0], inside, trust);
      for (const m of members) {
        facts[m].trustCycle = cycle;
        facts[m].trustCycleMembers = members;
      }
    }
    return facts;
  }
}

/** Strongly connected components with more than one node (Tarjan, iterative). */
function components(size: number, edges: TrustEdge[]): number[][] {
  const next: number[][] = Array.from({ length: size }, () => []);
  for (const e of edges) {
    next[e.from].push(e.to);
  }
  const index = new Array<number>(size).fill(-1);
  const low = new Array<number>(size).fill(0);
  const onStack = new Array<boolean>(size).fill(false);
  const stack: number[] = [];
  const found: number[][] = [];
  let counter = 0;
  for (let root = 0; root < size; root++) {
    if (index[root] !== -1 || next[root].length === 0) continue;
    // Each frame: node and the position of the next successor to visit.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const [v, i] = frame;
      if (i < next[v].length) {
        frame[1] = i + 1;
        const w = next[v][i];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          frames.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          members.push(w);
        } while (w !== v);
        if (members.length > 1) {
          found.push(members.reverse());
        }
      }
    }
  }
  return found;
}

/** The shortest cycle from `start` back to it through nodes of `inside` (breadth first). */
function shortestCycle(start: number, inside: Set<number>, edges: TrustEdge[]): Cycle {
  const next = new Map<number, number[]>();
  for (const e of edges) {
    if (inside.has(e.from) && inside.has(e.to)) {
      next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    }
  }
  const parent = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of next.get(v) ?? []) {
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = parent.get(u)!) path.push(u);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
