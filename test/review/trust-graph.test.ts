import { EdgeKind, RoleNode, TrustGraph } from '../../src/review/trust-graph';

const node = (label: string, name?: string, stack = 'S', account = '123456789012', path = '/'): RoleNode => ({ label, name, stack, account, path });

function graph(names: string[], edges: [number, number, EdgeKind][]): TrustGraph {
  const g = new TrustGraph();
  names.forEach((n) => g.addRole(node(n, n)));
  edges.forEach(([from, to, kind]) => g.addEdge({ from, to, kind }));
  return g;
}

const NAME = EdgeKind.NAME;
const REF = EdgeKind.SAME_STACK_REFERENCE;

describe('TrustGraph', () => {
  test('finds roles by account and name, case-insensitively, and by path when one is given', () => {
    const g = new TrustGraph();
    const a = g.addRole(node('A', 'Deployer', 'S', '111122223333', '/ci/'));
    expect(g.findByName('111122223333', 'deployer')).toBe(a);
    expect(g.findByName('111122223333', 'DEPLOYER', '/ci/')).toBe(a);
    expect(g.findByName('111122223333', 'deployer', '/')).toBeUndefined();
    expect(g.findByName('444455556666', 'deployer')).toBeUndefined();
  });

  test('a two-role cycle by name: both roles, the same shortest cycle', () => {
    const facts = graph(['a', 'b', 'c'], [[0, 1, NAME], [1, 0, NAME], [2, 0, NAME]]).cycleFacts();
    expect(facts[0]).toEqual({ trustCycle: [0, 1, 0], trustCycleMembers: [0, 1] });
    expect(facts[1]).toEqual({ trustCycle: [0, 1, 0], trustCycleMembers: [0, 1] });
    expect(facts[2]).toEqual({});
  });

  test('a self edge by name is no cycle; by reference it is a circular reference', () => {
    const facts = graph(['a', 'b'], [[0, 0, NAME], [1, 1, REF]]).cycleFacts();
    expect(facts[0]).toEqual({});
    expect(facts[1]).toEqual({ circularReference: [1, 1] });
  });

  test('a reference cycle is reported as the circular reference only, not also as a trust cycle', () => {
    const facts = graph(['a', 'b'], [[0, 1, REF], [1, 0, REF]]).cycleFacts();
    expect(facts[0]).toEqual({ circularReference: [0, 1, 0] });
    expect(facts[1]).toEqual({ circularReference: [1, 0, 1] });
  });

  test('a cycle mixing references and names is a trust cycle (it deploys)', () => {
    const facts = graph(['a', 'b'], [[0, 1, REF], [1, 0, NAME]]).cycleFacts();
    expect(facts[0]).toEqual({ trustCycle: [0, 1, 0], trustCycleMembers: [0, 1] });
  });

  test('a long chain is walked without recursion (no stack overflow) and a closing edge makes one cycle of all', () => {
    const size = 20000;
    const names = Array.from({ length: size }, (_, i) => `r${i}`);
    const edges: [number, number, EdgeKind][] = names.map((_, i) => [i, (i + 1) % size, NAME]);
    const facts = graph(names, edges).cycleFacts();
    expect(facts[0].trustCycleMembers).toHaveLength(size);
    expect(facts[0].trustCycle).toHaveLength(size + 1);
  });
});
