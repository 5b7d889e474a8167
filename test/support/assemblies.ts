/**
 * Cloud assemblies written to temporary directories, for tests of the review (which reads
 * `cdk.out` from disk). Every directory is removed after the test file: tests leave nothing
 * behind in the system's temporary directory.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AppProps } from 'aws-cdk-lib';

/** Synthesizes an app into a new temporary directory and returns the directory. */
export type SynthAssembly = (build: (app: App) => void, props?: AppProps) => string;

/**
 * Call once at the top of a test file (or describe block): returns a function that synthesizes
 * apps into temporary directories, all removed after the file's tests.
 */
export function useTempAssemblies(): SynthAssembly {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (build, props = {}) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-test-'));
    made.push(outdir);
    const app = new App({ ...props, outdir });
    build(app);
    app.synth();
    return outdir;
  };
}

/** A new empty temporary directory, removed after the test file. */
export function useTempDirectories(): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-test-'));
    made.push(dir);
    return dir;
  };
}
