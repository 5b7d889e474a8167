import { RolloutAccountFilter } from './rollout-options';
import { matches, ORGANIZATION_ROOT_ID } from '../private/rules';

/** Where a rollout deploys, and the role names it creates there. */
export interface RolloutTargets {
  readonly organizationId: string;
  readonly organizationalUnitIds: string[];
  readonly accounts: string[];
  readonly accountFilter?: RolloutAccountFilter;
  /** The literal role names of its member stack. */
  readonly roleNames: string[];
}

/**
 * The accounts two rollouts may both deploy to, in words (`ou-ab12-11111111`, `r-ab12, which
 * holds ou-ab12-11111111`, `account 111122223333`), or `undefined` when they cannot share one.
 *
 * What the app knows decides: the same OU or root; a root and an OU of that root (an OU ID
 * begins with its root's ID, Organizations API reference, OrganizationalUnit Id); the listed
 * accounts of INTERSECTION and DIFFERENCE. An OU nested in another OU is not known at synthesis
 * (its ID does not name its parent), so two rollouts to a parent OU and its child are not found.
 */
export function sharedTargets(a: RolloutTargets, b: RolloutTargets): string | undefined {
  if (a.organizationId !== b.organizationId) {
    return undefined;
  }
  const where = sharedUnit(a.organizationalUnitIds, b.organizationalUnitIds);
  if (where === undefined) {
    return undefined;
  }
  const only = (t: RolloutTargets) => (t.accountFilter === RolloutAccountFilter.INTERSECTION ? new Set(t.accounts) : undefined);
  const except = (t: RolloutTargets) => new Set(t.accountFilter === RolloutAccountFilter.DIFFERENCE ? t.accounts : []);
  const onlyA = only(a);
  const onlyB = only(b);
  if (onlyA === undefined && onlyB === undefined) {
    return where;
  }
  // At least one lists its only accounts: they overlap in those the other does not exclude.
  const candidates = [...(onlyA && onlyB ? [...onlyA].filter((x) => onlyB.has(x)) : [...(onlyA ?? onlyB)!])]
    .filter((x) => !except(a).has(x) && !except(b).has(x));
  return candidates.length === 0 ? undefined : `account${candidates.length === 1 ? '' : 's'} ${candidates.join(', ')} of ${where}`;
}

/** Role names both rollouts create, as the first rollout spells them (IAM ignores case). */
export function sharedRoleNames(a: RolloutTargets, b: RolloutTargets): string[] {
  const other = new Set(b.roleNames.map((n) => n.toLowerCase()));
  return [...new Set(a.roleNames.filter((n) => other.has(n.toLowerCase())))];
}

function sharedUnit(a: string[], b: string[]): string | undefined {
  for (const x of a) {
    for (const y of b) {
      if (x === y) {
        return x;
      }
      if (contains(x, y)) {
        return `${x}, which holds ${y}`;
      }
      if (contains(y, x)) {
        return `${y}, which holds ${x}`;
      }
    }
  }
  return undefined;
}

/** Whether `root` is a root ID and `ou` an OU ID of that root (`r-ab12` holds `ou-ab12-...`). */
function contains(root: string, ou: string): boolean {
  return matches(ORGANIZATION_ROOT_ID, root) && ou.startsWith(`ou-${root.slice(2)}-`);
}
