import { FindingLevel, RoleCheck } from '../role-check';

/**
 * Roles of the app that trust each other in a cycle, found on the app's trust graph (roles named
 * by reference, by ARN text, by `aws:PrincipalArn`, across stacks). A role trusting only itself
 * by name is not a cycle: it is how a function re-assumes its own role.
 */
export const trustCycle: RoleCheck = {
  id: 'TrustCycle',
  level: FindingLevel.WARNING,
  trigger: 'Roles of the app trust each other in a cycle (A trusts B, B trusts A, or longer), named by ARN, by reference or by aws:PrincipalArn, in any stacks: a session of any of them can become any other indefinitely, which hides who started the chain.',
  fix: 'Break the cycle: let one side trust a dedicated caller role, or require sts:SetSourceIdentity (Trust ... .withSourceIdentity()) so the original identity stays visible.',
  readsTheApp: true,
  check(role) {
    if (!role.trustCycle) return [];
    const others = (role.trustCycleMembers ?? []).filter((m) => !role.trustCycle!.includes(m));
    const more = others.length > 0 ? `; also in the same cycle: ${others.join(', ')}` : '';
    return [`roles trust each other in a cycle (X -> Y: X trusts Y): ${role.trustCycle.join(' -> ')}${more}`];
  },
};
