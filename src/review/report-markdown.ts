import { AssemblyRoles } from './assembly-roles';

/** The review as Markdown. */
export function reviewMarkdown(model: AssemblyRoles): string {
  return `# Roles (${model.roles.length})\n`;
}
