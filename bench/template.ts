/** Synthesizing an app into a temporary directory and reading what came out. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';

/** Output directories not yet removed; whatever is left is removed when the process exits, even on an error. */
const outdirs = new Set<string>();
process.on('exit', () => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A fresh app writing to its own temporary directory. */
export function newApp(context: Record<string, unknown> = {}): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cdk-'));
  outdirs.add(outdir);
  return new App({ outdir, context });
}

/** What a synthesized app holds: template bytes and resources, over all stacks. */
export interface SynthOutput {
  readonly templateBytes: number;
  readonly resources: number;
  readonly templates: any[];
}

/** Reads the templates of a synthesized app, then deletes its output directory. */
export function readOutput(app: App): SynthOutput {
  const assembly = app.synth();
  let templateBytes = 0;
  let resources = 0;
  const templates: any[] = [];
  for (const stack of assembly.stacks) {
    const text = fs.readFileSync(stack.templateFullPath, 'utf8');
    templateBytes += Buffer.byteLength(text);
    const template = JSON.parse(text);
    resources += Object.keys(template.Resources ?? {}).length;
    templates.push(template);
  }
  removeOutput(app);
  return { templateBytes, resources, templates };
}

/** Deletes the app's output directory. */
export function removeOutput(app: App): void {
  fs.rmSync(app.outdir, { recursive: true, force: true });
  outdirs.delete(app.outdir);
}
