/**
 * Runs before every test file (jest `setupFilesAfterEnv`): points the temporary directory at a
 * directory of the test file's own, and removes it after the file's tests. Every `new App()`
 * without an `outdir` writes its assembly to a new `cdk.out*` directory there (aws-cdk-lib's
 * `FileSystem.mkdtemp`, through `os.tmpdir()`), as do child processes the tests start (through
 * `TMPDIR`): the test run leaves nothing behind in the system's temporary directory.
 *
 * `os.tmpdir` itself is replaced: jest gives each test file a copy of `process.env`, which the
 * `os` module (shared by the worker) does not read. A worker runs one test file at a time.
 * Each test file loads its own copy of aws-cdk-lib, which reads the directory on first use.
 */
import * as fs from 'fs';
import * as path from 'path';

// The module object itself (what aws-cdk-lib's `require('os')` returns), not an import wrapper.
const os: { tmpdir: () => string } = jest.requireActual('os');

const previous = process.env.TMPDIR;
const originalTmpdir = os.tmpdir;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-assumable-roles-test-'));
process.env.TMPDIR = dir;
os.tmpdir = () => dir;

afterAll(() => {
  os.tmpdir = originalTmpdir;
  if (previous === undefined) {
    delete process.env.TMPDIR;
  } else {
    process.env.TMPDIR = previous;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
