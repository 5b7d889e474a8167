/** YAML text from lines, for catalogs written inline in the tests. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
