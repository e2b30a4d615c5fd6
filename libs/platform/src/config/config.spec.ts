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

describe('loadConfig: the jobs of a killed worker', () => {
  it('run again within 11 s by default: an 8 s lock, expired locks looked for every 3 s', () => {
    expect(loadConfig({})).toMatchObject({ workerLockDurationMs: 8000, workerStalledCheckMs: 3000 });
    expect(loadConfig({ WORKER_STALLED_CHECK_MS: '1000' }).workerStalledCheckMs).toBe(1000);
  });

  it('refuses a check more often than every 0.5 s, naming the variable', () => {
    expect(() => loadConfig({ WORKER_STALLED_CHECK_MS: '100' })).toThrow('WORKER_STALLED_CHECK_MS must be an integer >= 500, got "100"');
  });
});

describe('loadConfig: delivery', () => {
  it('retries after 5 s, 1 min, 10 min, 1 h, 6 h and 24 h and disables after 24 h by default', () => {
    expect(loadConfig({})).toMatchObject({
      secretKey: null,
      publicUrl: 'http://127.0.0.1:8080',
      deliveryRetrySchedule: [5000, 60_000, 600_000, 3_600_000, 21_600_000, 86_400_000],
      deliveryDisableAfterMs: 86_400_000,
      deliveryTimeoutMs: 10_000,
    });
  });

  it('reads durations with units and refuses what it cannot use, naming the variable', () => {
    const config = loadConfig({
      DELIVERY_RETRY_SCHEDULE: '200ms,1s',
      DELIVERY_DISABLE_AFTER: '3s',
      COIL_PUBLIC_URL: 'https://coil.example.com/',
    });
    expect(config).toMatchObject({
      deliveryRetrySchedule: [200, 1000],
      deliveryDisableAfterMs: 3000,
      publicUrl: 'https://coil.example.com',
    });
    expect(() => loadConfig({ DELIVERY_RETRY_SCHEDULE: '5s,soon' })).toThrow(/^DELIVERY_RETRY_SCHEDULE must be a comma list/);
    expect(() => loadConfig({ DELIVERY_DISABLE_AFTER: '0s' })).toThrow(/^DELIVERY_DISABLE_AFTER/);
    expect(() => loadConfig({ COIL_SECRET_KEY: 'short' })).toThrow(/^COIL_SECRET_KEY must be at least 32 characters/);
  });
});

describe('loadConfig: CORS origins', () => {
  it('opens the ingest to any origin and closes the read API by default', () => {
    expect(loadConfig({})).toMatchObject({ ingestCorsOrigins: '*', apiCorsOrigins: [] });
  });

  it('reads comma lists of origins, and * alone', () => {
    const config = loadConfig({
      INGEST_CORS_ORIGINS: 'https://app.example.com, http://localhost:3000',
      API_CORS_ORIGINS: '*',
    });
    expect(config).toMatchObject({ ingestCorsOrigins: ['https://app.example.com', 'http://localhost:3000'], apiCorsOrigins: '*' });
    expect(loadConfig({ INGEST_CORS_ORIGINS: '' }).ingestCorsOrigins).toBe('*');
  });

  it('fails fast naming the variable on something that is not an origin', () => {
    for (const bad of ['app.example.com', 'https://app.example.com/', 'https://a.io/path', 'ftp://a.io', '*,https://a.io']) {
      expect(() => loadConfig({ INGEST_CORS_ORIGINS: bad })).toThrow(/^INGEST_CORS_ORIGINS must be \* or a comma list of origins/);
    }
    expect(() => loadConfig({ API_CORS_ORIGINS: 'https://ok.io,nope' })).toThrow(
      'API_CORS_ORIGINS must be * or a comma list of origins such as https://app.example.com, got "nope"',
    );
  });
});
