/** Prefix of every finding id, so ids never clash with other tools' ids. */
export const FINDING_PREFIX = 'cdk-assumable-roles:';
