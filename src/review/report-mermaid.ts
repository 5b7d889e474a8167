import { AssemblyRoles } from './assembly-roles';

/** The trust graph as Mermaid. */
export function reviewMermaid(model: AssemblyRoles): string {
  return `graph LR\n% ${model.roles.length} roles\n`;
}
