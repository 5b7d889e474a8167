import * as fs from 'fs';
import * as path from 'path';
import { ROLE_CHECKS } from '../../../src/validation/checks';

const DIR = path.join(__dirname, '..', '..', '..', 'src', 'validation', 'checks');
const kebab = (id: string) => id.replace(/(?<!^)(?=[A-Z])/g, '-').toLowerCase();

describe('src/validation/checks: one check per file, the file named after its id', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

  test.each(files)('%s exports exactly one check, whose id in kebab case is the file name', (file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(path.join(DIR, file))).filter((v: any) => v && typeof v.check === 'function' && typeof v.id === 'string');
    expect(exported).toHaveLength(1);
    expect(`${kebab((exported[0] as any).id)}.ts`).toBe(file);
  });

  test('every check in ROLE_CHECKS has its file, and every file is in ROLE_CHECKS', () => {
    expect(ROLE_CHECKS.map((c) => `${kebab(c.id)}.ts`).sort()).toEqual([...files].sort());
  });
});
