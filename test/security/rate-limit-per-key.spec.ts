import request from 'supertest';
import { RateLimiter } from '@coil/http';
import { basicAuth, startIngest, type IngestHarness } from '../support/ingest-harness';

const LIMIT = 5;
const RATE_LIMITED = {
  error: {
    message: 'Rate limit exceeded for this API key',
    status: 'rate_limited',
    code: 'rate_limited',
    details: { retry_after_seconds: 1 },
  },
};

describe('RateLimiter: one token bucket per id', () => {
  it('admits one second of the rate, refills with time and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(
      () => 10,
      () => now,
    );
    expect(limiter.take('key-a', 10)).toBe(0);
    expect(limiter.take('key-a', 1)).toBe(1);
    expect(limiter.take('key-b', 10)).toBe(0);
    now = 500;
    expect(limiter.take('key-a', 5)).toBe(0);
    expect(limiter.take('key-a', 1)).toBe(1);
    now = 3_500;
    expect(limiter.take('key-a', 30)).toBe(0);
    expect(limiter.take('key-a', 1)).toBe(3);
  });
});

describe('ingest rate limit per ingest key (INGEST_RATE_LIMIT)', () => {
  let ingest: IngestHarness;
  let secondKey: string;
  let otherWorkspace: { workspace_id: string; api_key: string };

  beforeAll(async () => {
    ingest = await startIngest({ ingestRateLimit: LIMIT });
    const admin = ingest.admin;
    secondKey = (await admin.createKey(ingest.workspaceId)).api_key;
    otherWorkspace = await admin.createWorkspace('rate-limit-other');
  });

  afterAll(async () => {
    await ingest.close();
  });

  const batchOf = (count: number, event: string) => ({
    batch: Array.from({ length: count }, () => ({ type: 'track', userId: 'u', event })),
  });

  it('answers 429 with Retry-After to the key over its limit, and only to that key', async () => {
    const post = (key: string, event: string) =>
      request(ingest.url).post('/v1/batch').set('Authorization', basicAuth(key)).send(batchOf(LIMIT, event));

    expect((await post(ingest.apiKey, 'first-key')).status).toBe(202);
    const limited = await post(ingest.apiKey, 'first-key-over');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.body).toEqual(RATE_LIMITED);

    // The same key in another auth form draws on the same bucket.
    const bodyKey = await request(ingest.url)
      .post('/v1/events')
      .send({ api_key: ingest.apiKey, timestamp: Date.now(), user_id: 'u', event: 'first-key-body' });
    expect(bodyKey.status).toBe(429);
    expect(bodyKey.body).toEqual(RATE_LIMITED);

    // Another key of the same workspace, and a key of another workspace, have their own buckets.
    expect((await post(secondKey, 'second-key')).status).toBe(202);
    expect((await post(otherWorkspace.api_key, 'other-workspace')).status).toBe(202);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await post(ingest.apiKey, 'first-key-refilled')).status).toBe(202);

    const jobs = await ingest.queue.getJobs(['waiting']);
    const queued = jobs
      .sort((a, b) => a.timestamp - b.timestamp)
      .flatMap((job) => job.data.events.map((event) => `${job.data.workspaceId}:${event.event}`));
    const own = (event: string): string[] => Array<string>(LIMIT).fill(`${ingest.workspaceId}:${event}`);
    expect(queued).toEqual([
      ...own('first-key'),
      ...own('second-key'),
      ...Array<string>(LIMIT).fill(`${otherWorkspace.workspace_id}:other-workspace`),
      ...own('first-key-refilled'),
    ]);
  });
});
