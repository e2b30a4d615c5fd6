import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import IORedis from 'ioredis';
import type { CoilConfig } from '@coil/platform';
import { bootstrapIngest } from '../../apps/ingest/src/main';
import { bootstrapWorker } from '../../apps/worker/src/main';
import { exited, spawnWorker } from '../worker/support/child-worker';
import { uniquePrefix, workerConfig } from '../worker/support/worker-harness';
import { startRedisServer, type RedisServer } from './support/redis-server';

const AOF_SETTINGS = ['--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'];

interface Answer {
  status: number;
  checks: Record<string, string>;
}

async function readyz(app: NestFastifyApplication): Promise<Answer> {
  const response = await app.inject({ method: 'GET', url: '/readyz' });
  return { status: response.statusCode, checks: response.json<{ checks: Record<string, string> }>().checks };
}

async function durableGauge(app: NestFastifyApplication): Promise<string[]> {
  const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  return metrics.split('\n').filter((line) => line.startsWith('coil_queue_durable{'));
}

function configFor(redisUrl: string, requireDurableQueue: boolean): CoilConfig {
  return workerConfig(uniquePrefix('durability'), {
    REDIS_URL: redisUrl,
    COIL_REQUIRE_DURABLE_QUEUE: String(requireDurableQueue),
  });
}

describe('durable-queue check against a Redis without persistence and one with AOF', () => {
  let plain: RedisServer;
  let aof: RedisServer;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    plain = await startRedisServer(['--appendonly', 'no']);
    aof = await startRedisServer(AOF_SETTINGS);
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await plain?.kill();
    await aof?.kill();
  });

  async function started(app: Promise<NestFastifyApplication>): Promise<NestFastifyApplication> {
    apps.push(await app);
    return apps[apps.length - 1];
  }

  it('without persistence: the ingest starts, /readyz stays ready with a warning, /metrics says 0', async () => {
    const ingest = await started(bootstrapIngest(configFor(plain.url, false)));

    const answer = await readyz(ingest);
    expect(answer.status).toBe(200);
    expect(answer.checks.queue_durability).toMatch(
      /^warning: queue NOT durable \(appendonly=no, appendfsync=everysec, maxmemory-policy=noeviction\): accepted events \(202\) can be lost/,
    );
    expect(await durableGauge(ingest)).toEqual([
      'coil_queue_durable{appendonly="no",appendfsync="everysec",maxmemory_policy="noeviction"} 0',
    ]);
  });

  it('with AOF and COIL_REQUIRE_DURABLE_QUEUE=true: ingest and worker start, both report it durable', async () => {
    const ingest = await started(bootstrapIngest(configFor(aof.url, true)));
    const worker = await started(bootstrapWorker(configFor(aof.url, true)));

    for (const app of [ingest, worker]) {
      const answer = await readyz(app);
      expect(answer.status).toBe(200);
      expect(answer.checks.queue_durability).toBe('ok');
      expect(await durableGauge(app)).toEqual([
        'coil_queue_durable{appendonly="yes",appendfsync="everysec",maxmemory_policy="noeviction"} 1',
      ]);
    }
  });

  it('with COIL_REQUIRE_DURABLE_QUEUE=true: /readyz fails once the Redis stops persisting', async () => {
    const ingest = await started(bootstrapIngest(configFor(aof.url, true)));
    const admin = new IORedis(aof.url);
    try {
      await admin.config('SET', 'appendonly', 'no');
      const answer = await readyz(ingest);
      expect(answer.status).toBe(503);
      expect(answer.checks.queue_durability).toMatch(/^queue NOT durable \(appendonly=no/);
    } finally {
      await admin.config('SET', 'appendonly', 'yes');
      admin.disconnect();
    }
  });

  it('with COIL_REQUIRE_DURABLE_QUEUE=true and no persistence: ingest and worker refuse to start', async () => {
    const refusal = /^COIL_REQUIRE_DURABLE_QUEUE=true, refusing to start: queue NOT durable \(appendonly=no/;
    await expect(bootstrapIngest(configFor(plain.url, true))).rejects.toThrow(refusal);
    await expect(bootstrapWorker(configFor(plain.url, true))).rejects.toThrow(refusal);
  });

  it('as a process, the refusal is a non-zero exit', async () => {
    const child = spawnWorker({ REDIS_URL: plain.url, COIL_REQUIRE_DURABLE_QUEUE: 'true', COIL_QUEUE_PREFIX: uniquePrefix('durability') });
    await exited(child);
    expect(child.exitCode).toBe(1);
  }, 120_000);
});
