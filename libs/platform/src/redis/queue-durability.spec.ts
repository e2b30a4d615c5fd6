import { register } from 'prom-client';
import type { StructuredLogger } from '../observability/logger';
import { ReadinessWarning } from '../observability/readiness';
import { ShutdownSequence } from '../shutdown/shutdown-sequence';
import { durabilityOf, type QueueDurability, type RedisConfigReader } from './queue-durability';
import { QueueDurabilityCheck } from './queue-durability-check';

/** A Redis server answering CONFIG GET from a table, or refusing CONFIG as managed Redis does. */
function server(settings: Record<string, string> | 'refuses CONFIG'): RedisConfigReader {
  return {
    async config(_subcommand, parameter) {
      if (settings === 'refuses CONFIG') throw new Error("ERR unknown command 'CONFIG'");
      return [parameter, settings[parameter]];
    },
  };
}

const AOF = { appendonly: 'yes', appendfsync: 'everysec', 'maxmemory-policy': 'noeviction' };
const NO_AOF = { ...AOF, appendonly: 'no' };

interface Logged {
  level: 'info' | 'warn' | 'error';
  message: string;
}

function fakeLogger(): StructuredLogger & { lines: Logged[] } {
  const lines: Logged[] = [];
  return {
    lines,
    info: (_details, message) => void lines.push({ level: 'info', message }),
    warn: (_details, message) => void lines.push({ level: 'warn', message }),
    error: (_details, message) => void lines.push({ level: 'error', message }),
  };
}

describe('durabilityOf', () => {
  it('is durable with AOF on and no eviction, whatever the fsync policy', async () => {
    expect(await durabilityOf([server(AOF)])).toEqual({
      state: 'durable',
      appendonly: 'yes',
      appendfsync: 'everysec',
      maxmemoryPolicy: 'noeviction',
    });
  });

  it('is not durable without AOF, or when Redis may evict keys', async () => {
    expect(await durabilityOf([server(NO_AOF)])).toMatchObject({ state: 'not_durable', appendonly: 'no' });
    const evicting = server({ ...AOF, 'maxmemory-policy': 'allkeys-lru' });
    expect(await durabilityOf([evicting])).toMatchObject({ state: 'not_durable', maxmemoryPolicy: 'allkeys-lru' });
  });

  it('takes the least durable master of a cluster', async () => {
    expect(await durabilityOf([server(AOF), server(NO_AOF), server(AOF)])).toMatchObject({ state: 'not_durable' });
  });

  it('is unknown while a cluster client knows no master yet', async () => {
    expect(await durabilityOf([])).toEqual({ state: 'unknown', reason: 'no Redis master known yet' });
  });

  it('is unknown when Redis refuses CONFIG', async () => {
    expect(await durabilityOf([server(AOF), server('refuses CONFIG')])).toEqual({
      state: 'unknown',
      reason: "ERR unknown command 'CONFIG'",
    });
  });
});

describe('QueueDurabilityCheck', () => {
  const notDurable: QueueDurability = { state: 'not_durable', appendonly: 'no', appendfsync: 'everysec', maxmemoryPolicy: 'noeviction' };
  const unknown: QueueDurability = { state: 'unknown', reason: "ERR unknown command 'CONFIG'" };

  function check(durability: QueueDurability, requireDurableQueue: boolean) {
    const logger = fakeLogger();
    const shutdown = new ShutdownSequence(1000, logger, () => undefined);
    const closed: string[] = [];
    shutdown.add('connections', 'redis', () => void closed.push('redis'));
    const subject = new QueueDurabilityCheck(async () => durability, { requireDurableQueue }, logger, shutdown);
    return { subject, logger, closed };
  }

  it('without persistence: warns loudly at start-up, and /readyz passes with a warning', async () => {
    const { subject, logger } = check(notDurable, false);
    await subject.onModuleInit();
    expect(logger.lines).toEqual([{ level: 'warn', message: expect.stringContaining('queue NOT durable (appendonly=no') }]);
    const result = await subject.check();
    expect(result).toBeInstanceOf(ReadinessWarning);
    expect(result?.message).toMatch(/^queue NOT durable/);
  });

  it('with COIL_REQUIRE_DURABLE_QUEUE: refuses to start, closing what was opened, and fails /readyz', async () => {
    const { subject, closed } = check(notDurable, true);
    await expect(subject.onModuleInit()).rejects.toThrow(/^COIL_REQUIRE_DURABLE_QUEUE=true, refusing to start: queue NOT durable/);
    expect(closed).toEqual(['redis']);
    await expect(subject.check()).rejects.toThrow(/^queue NOT durable/);
  });

  it('when Redis will not say: warns and starts, even when durability is required', async () => {
    const { subject, logger } = check(unknown, true);
    await subject.onModuleInit();
    expect(logger.lines).toEqual([{ level: 'warn', message: expect.stringMatching(/^queue durability unknown/) }]);
    expect(await subject.check()).toBeInstanceOf(ReadinessWarning);
  });

  it('shows the latest reading in /metrics', async () => {
    await check(notDurable, false).subject.check();
    const metric = await register.getSingleMetric('coil_queue_durable')!.get();
    expect(metric.values).toEqual([{ labels: { appendonly: 'no', appendfsync: 'everysec', maxmemory_policy: 'noeviction' }, value: 0 }]);
  });
});
