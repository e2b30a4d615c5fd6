import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The worker as its own process, started the way operators start it; `captureLogs` pipes its output. */
export function spawnWorker(env: Record<string, string>, captureLogs = false): ChildProcess {
  return spawn(process.execPath, ['-r', './scripts/register.js', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, WORKER_PORT: '0', LOG_LEVEL: 'error', ...env },
    stdio: captureLogs ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'inherit'],
  });
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
