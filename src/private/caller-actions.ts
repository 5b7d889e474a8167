/**
 * The actions a caller needs on a role it assumes: `sts:AssumeRole`, plus `sts:TagSession`
 * when it passes session tags and `sts:SetSourceIdentity` when it sets a source identity.
 * The role's trust must allow the same actions (`withSessionTags`, `withSourceIdentity`).
 */
export function callerActions(options: { readonly sessionTags?: boolean; readonly sourceIdentity?: boolean }): string[] {
  return [
    'sts:AssumeRole',
    ...(options.sessionTags ? ['sts:TagSession'] : []),
    ...(options.sourceIdentity ? ['sts:SetSourceIdentity'] : []),
  ];
}
