import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import IORedis from 'ioredis';
import { freePort } from '../../security/support/child-ingest';
import { exited } from '../../worker/support/child-worker';

export interface RedisServer {
  url: string;
  /** SIGKILL: Redis gone at once, as in a crash; every client sees its connection drop. */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open and nothing answers, as with a hung server or a lost network. */
  freeze(): void;
}

async function answersPing(url: string): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * A Redis of the test's own on a free port, in a temporary directory, started with `args`
 * (its persistence settings); the shared test Redis is never touched.
 */
export async function startRedisServer(args: string[]): Promise<RedisServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-redis-'));
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir, ...args], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const kill = async (): Promise<void> => {
    child.kill('SIGKILL');
    await exited(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(url))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await kill();
      throw new Error(`redis-server on port ${port} did not start`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, kill, freeze: () => child.kill('SIGSTOP') };
}
