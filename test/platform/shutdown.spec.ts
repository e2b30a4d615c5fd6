import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ready } from '../scale/support/worker-processes';
import { freePort, spawnIngest, type ChildIngest } from '../security/support/child-ingest';
import { TcpProxy } from '../support/tcp-proxy';
import { exited, spawnWorker } from '../worker/support/child-worker';
import { DATABASE_URL, uniquePrefix } from '../worker/support/worker-harness';
import { startRedisServer, type RedisServer } from './support/redis-server';

const SHUTDOWN_TIMEOUT_MS = 3000;
// Leaving the process once the sequence is over, on a busy two-core machine.
const EXIT_MARGIN_MS = 1500;
// Starting a ts-node process is slow on a loaded machine.
const TEST_TIMEOUT_MS = 120_000;

const postgresPort = Number(new URL(DATABASE_URL).port || 5432);

function appEnv(overrides: Record<string, string>): Record<string, string> {
  return {
    DATABASE_URL,
    COIL_QUEUE_PREFIX: uniquePrefix('shutdown'),
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

function throughProxy(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.port = String(port);
  return url.toString();
}

/** Milliseconds from the signal to the process being gone. */
async function timeToExit(child: ChildProcess, signal: NodeJS.Signals): Promise<number> {
  const started = Date.now();
  child.kill(signal);
  await exited(child);
  return Date.now() - started;
}

/** Stops the ingest and reads its log: the time it took, and whether any shutdown step was left unfinished. */
async function stopIngest(ingest: ChildIngest, logFile: string): Promise<{ ms: number; log: string }> {
  const started = Date.now();
  await ingest.stop();
  return { ms: Date.now() - started, log: fs.readFileSync(logFile, 'utf8') };
}

/** Long enough for the process's clients to see their connections drop. */
const noticed = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 500));

describe(`shutdown: SIGTERM with Redis or PostgreSQL gone, out within SHUTDOWN_TIMEOUT_MS (${SHUTDOWN_TIMEOUT_MS} ms)`, () => {
  const proxy = new TcpProxy('127.0.0.1', postgresPort);
  let redis: RedisServer | undefined;
  let worker: ChildProcess | undefined;
  let proxyPort: number;
  let logDir: string;

  beforeAll(async () => {
    proxyPort = await proxy.listen();
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-shutdown-'));
  });

  afterEach(async () => {
    worker?.kill('SIGKILL');
    if (worker) await exited(worker);
    worker = undefined;
    await redis?.kill();
    redis = undefined;
    proxy.restore();
  });

  afterAll(async () => {
    await proxy.close();
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
    const port = await freePort();
    worker = spawnWorker(appEnv({ ...env, WORKER_PORT: String(port) }));
    await ready(port, worker);
    return worker;
  }

  it(
    'worker, Redis killed',
    async () => {
      redis = await startRedisServer([]);
      const child = await startWorker({ REDIS_URL: redis.url });
      await redis.kill();
      redis = undefined;
      await noticed();

      expect(await timeToExit(child, 'SIGTERM')).toBeLessThan(SHUTDOWN_TIMEOUT_MS + EXIT_MARGIN_MS);
      // Every step finished: Nest re-raises the signal once its shutdown is done.
      expect(child.signalCode).toBe('SIGTERM');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'worker, Redis not answering: what cannot finish is cut at the deadline, exit code 1',
    async () => {
      redis = await startRedisServer([]);
      const child = await startWorker({ REDIS_URL: redis.url });
      redis.freeze();

      expect(await timeToExit(child, 'SIGTERM')).toBeLessThan(SHUTDOWN_TIMEOUT_MS + EXIT_MARGIN_MS);
      expect(child.exitCode).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'worker, PostgreSQL unreachable (SIGINT)',
    async () => {
      redis = await startRedisServer([]);
      const child = await startWorker({ REDIS_URL: redis.url, DATABASE_URL: throughProxy(DATABASE_URL, proxyPort) });
      proxy.cut();
      await noticed();

      expect(await timeToExit(child, 'SIGINT')).toBeLessThan(SHUTDOWN_TIMEOUT_MS + EXIT_MARGIN_MS);
      expect(child.signalCode).toBe('SIGINT');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'ingest, Redis killed',
    async () => {
      redis = await startRedisServer([]);
      const logFile = path.join(logDir, 'ingest-redis.log');
      const ingest = await spawnIngest(appEnv({ REDIS_URL: redis.url }), logFile);
      await redis.kill();
      redis = undefined;
      await noticed();

      const { ms, log } = await stopIngest(ingest, logFile);
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS + EXIT_MARGIN_MS);
      expect(log).toContain('"msg":"shutting down"');
      expect(log).not.toMatch(/unfinished/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'ingest, PostgreSQL unreachable',
    async () => {
      redis = await startRedisServer([]);
      const env = appEnv({ REDIS_URL: redis.url, DATABASE_URL: throughProxy(DATABASE_URL, proxyPort) });
      const logFile = path.join(logDir, 'ingest-postgres.log');
      const ingest = await spawnIngest(env, logFile);
      proxy.cut();
      await noticed();

      const { ms, log } = await stopIngest(ingest, logFile);
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS + EXIT_MARGIN_MS);
      expect(log).toContain('"msg":"shutting down"');
      expect(log).not.toMatch(/unfinished/);
    },
    TEST_TIMEOUT_MS,
  );
});
