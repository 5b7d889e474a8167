/** Writes a generated file of the repository when its text changed, and says which it did. */
import * as fs from 'fs';
import * as path from 'path';

/**
 * @param file the path from the repository root
 * @param text the file's whole text
 */
export function writeGeneratedFile(file: string, text: string): void {
  const target = path.join(__dirname, '..', file);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf-8') : undefined;
  if (current === text) {
    console.log(`${file} is up to date`);
    return;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`wrote ${file}`);
}
