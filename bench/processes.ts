import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NODE_OPTIONS_BY_APP } from '@coil/platform';

const ROOT = path.resolve(__dirname, '..');

/**
 * The apps run as `npm start` runs them, compiled under dist/ (bench/run.ts builds first), so
 * memory and start-up are the production ones; other entry points run through ts-node.
 */
function command(entry: string): string[] {
  if (entry.startsWith('apps/')) {
    return ['-r', path.join(ROOT, 'scripts/dist-paths.js'), path.join(ROOT, 'dist', entry.replace(/\.ts$/, '.js'))];
  }
  return ['-r', path.join(ROOT, 'scripts/register.js'), path.join(ROOT, entry)];
}

/** Starts an entry point as a child process and waits until `ready` answers. */
export async function startProcess(entry: string, env: Record<string, string>, ready: () => Promise<boolean>): Promise<ChildProcess> {
  const child = spawn(process.execPath, command(entry), {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 300; attempt += 1) {
    // A process that died (its port taken, say) must not pass for ready because another answers there.
    if (child.exitCode !== null) throw new Error(`${entry} exited with code ${child.exitCode}`);
    if (await ready().catch(() => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} did not become ready`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

export async function answers(url: string): Promise<boolean> {
  const response = await fetch(url);
  return response.status < 500;
}

/** Peak resident memory of a child process so far, in MB (Linux /proc). */
export function peakRssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

const PORT_VARIABLE = { ingest: 'INGEST_PORT', api: 'API_PORT', worker: 'WORKER_PORT' } as const;

/** One of Coil's apps as `npm start` runs it (its NODE_OPTIONS included), ready once /readyz answers. */
export function startApp(app: keyof typeof PORT_VARIABLE, port: number, env: Record<string, string>): Promise<ChildProcess> {
  return startProcess(
    `apps/${app}/src/main.ts`,
    { ...env, [PORT_VARIABLE[app]]: String(port), NODE_OPTIONS: NODE_OPTIONS_BY_APP[app] },
    () => answers(`http://127.0.0.1:${port}/readyz`),
  );
}

/** Current resident memory of a child process, in MB (Linux /proc). */
export function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}
