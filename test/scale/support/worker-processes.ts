import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { exited } from '../../worker/support/child-worker';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// Generous: four ts-node processes starting at once on a busy 2-core machine are slow.
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface WorkerProcesses {
  /** SQLSTATE (or error name) of every retried roll-up attempt, from the workers' warn logs. */
  retryCauses: string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function ready(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    const answered = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`worker on port ${port} did not become ready`);
}

/** Reads the pino lines of a worker and keeps the cause of each "retrying later". */
function collectRetryCauses(child: ChildProcess, causes: string[]): void {
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.includes('retrying later')) return;
    const entry = JSON.parse(line) as { err?: { code?: string; type?: string } };
    causes.push(entry.err?.code ?? entry.err?.type ?? 'unknown');
  });
}

/** `count` workers as separate processes, started the way operators start them, all ready. */
export async function startWorkerProcesses(count: number, env: Record<string, string>): Promise<WorkerProcesses> {
  const retryCauses: string[] = [];
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const child of children) child.kill('SIGTERM');
    // A worker whose Redis is gone may never finish closing: it must not outlive the test.
    const killer = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), STOP_TIMEOUT_MS);
    await Promise.all(children.map(exited));
    clearTimeout(killer);
  };
  try {
    const ports = await Promise.all(Array.from({ length: count }, freePort));
    for (const port of ports) {
      const child = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/worker/src/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, LOG_LEVEL: 'warn', ...env, WORKER_PORT: String(port) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      collectRetryCauses(child, retryCauses);
    }
    await Promise.all(ports.map((port, i) => ready(port, children[i])));
  } catch (error) {
    await stop();
    throw error;
  }
  return { retryCauses, stop };
}
