import { loadConfig } from './config';

describe('loadConfig: shutdown and queue durability', () => {
  it('gives a process 10 s to shut down and does not require a durable queue by default', () => {
    expect(loadConfig({})).toMatchObject({ shutdownTimeoutMs: 10_000, requireDurableQueue: false });
  });

  it('reads SHUTDOWN_TIMEOUT_MS and COIL_REQUIRE_DURABLE_QUEUE', () => {
    const config = loadConfig({ SHUTDOWN_TIMEOUT_MS: '3000', COIL_REQUIRE_DURABLE_QUEUE: 'true' });
    expect(config).toMatchObject({ shutdownTimeoutMs: 3000, requireDurableQueue: true });
    expect(loadConfig({ COIL_REQUIRE_DURABLE_QUEUE: 'false' }).requireDurableQueue).toBe(false);
  });

  it('fails fast naming the variable on a value it cannot use', () => {
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '10s' })).toThrow('SHUTDOWN_TIMEOUT_MS must be an integer >= 100, got "10s"');
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '0' })).toThrow(/^SHUTDOWN_TIMEOUT_MS/);
    expect(() => loadConfig({ COIL_REQUIRE_DURABLE_QUEUE: 'yes' })).toThrow('COIL_REQUIRE_DURABLE_QUEUE must be true or false, got "yes"');
  });
});
