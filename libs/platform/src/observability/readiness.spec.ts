import { ReadinessWarning, runReadinessChecks } from './readiness';

describe('runReadinessChecks', () => {
  it('stays ready with a warning, reporting it in the body', async () => {
    const report = await runReadinessChecks([
      { name: 'redis', check: async () => 'PONG' },
      { name: 'queue_durability', check: async () => new ReadinessWarning('queue NOT durable') },
    ]);
    expect(report).toEqual({ ready: true, checks: { redis: 'ok', queue_durability: 'warning: queue NOT durable' } });
  });

  it('is not ready when a check throws, whatever its message says', async () => {
    const report = await runReadinessChecks([
      { name: 'postgres', check: () => Promise.reject(new Error('warning: connection refused')) },
      { name: 'redis', check: async () => 'PONG' },
    ]);
    expect(report).toEqual({ ready: false, checks: { postgres: 'warning: connection refused', redis: 'ok' } });
  });
});
