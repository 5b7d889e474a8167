/**
 * The example app (examples/typescript/app.ts), synthesized into a temporary directory for the
 * golden files of the review.
 */

/**
 * Synthesizes the example app into `outdir` and returns it. The app builds (and synthesizes)
 * its own `App`; `CDK_OUTDIR` points it at the directory.
 */
export function synthExampleApp(outdir: string): string {
  // The example is a script, not a module: it runs (and synthesizes) when loaded.
  const previous = process.env.CDK_OUTDIR;
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  process.env.CDK_OUTDIR = outdir;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jest.isolateModules(() => require('../../examples/typescript/app'));
  } finally {
    quiet.mockRestore();
    if (previous === undefined) delete process.env.CDK_OUTDIR; else process.env.CDK_OUTDIR = previous;
  }
  return outdir;
}
