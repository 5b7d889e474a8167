/** The machine the numbers come from. */
import * as fs from 'fs';
import * as os from 'os';

export function machineLines(): string[] {
  const cpuModel = /model name\s*:\s*(.*)/.exec(readOr('/proc/cpuinfo'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const cdkVersion = JSON.parse(readOr(require.resolve('aws-cdk-lib/package.json'), '{}')).version ?? 'unknown';
  return [
    `- CPU: ${cpuModel}, nproc ${os.availableParallelism()}`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- node ${process.version}, aws-cdk-lib ${cdkVersion}, ${os.type()} ${os.release()}`,
  ];
}

/** The 1-minute load average, to judge how busy the machine was. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' / ');
}

function readOr(file: string, fallback = ''): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}
