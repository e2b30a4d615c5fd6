import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

// Every spec that runs the CLI imports this module: each command is a Node process of its own
// that transpiles the CLI first, and a test running several of them on a loaded 2-core machine
// needs more than the default minute.
jest.setTimeout(180_000);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run coil -- ...` as a child process. Jest's process.env is the sandbox's copy, so the
 * test database (and any `env` given) is handed to the child explicitly.
 */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', './scripts/register.js', 'apps/cli/src/main.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The JSON a successful command printed; fails the test on a non-zero exit or any stderr. */
export function parseJson<T>(run: CliRun): T {
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as T;
}
