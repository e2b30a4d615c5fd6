import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface ChildIngest {
  url: string;
  /** SIGTERM, then resolves once the process has exited and its output is on disk. */
  stop(): Promise<void>;
}

/** A port free right now; the child binds it a moment later. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The ingest as operators run it, in its own process, with everything it writes to stdout and
 * stderr (pino's JSON lines included) captured in `logFile`.
 */
export async function spawnIngest(env: Record<string, string>, logFile: string): Promise<ChildIngest> {
  const port = await freePort();
  const log = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/ingest/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, INGEST_PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await exited;
    closeSync(log);
  };
  const deadline = Date.now() + 30_000;
  while (!(await answers(`${url}/healthz`))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`the ingest did not start; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
