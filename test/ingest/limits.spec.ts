import request from 'supertest';
import { basicAuth, startIngest, type IngestHarness } from '../support/ingest-harness';

function expectError(response: request.Response, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String), status: expect.any(String) }),
  });
  expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('ingest limits and bad input (docs/ingest.md)', () => {
  let ingest: IngestHarness;
  let auth: string;

  beforeAll(async () => {
    ingest = await startIngest();
    auth = basicAuth(ingest.apiKey);
  });

  afterAll(async () => {
    await ingest.close();
  });

  beforeEach(async () => {
    await ingest.queue.drain(true);
  });

  const post = (path: string) => request(ingest.url).post(path);

  it('a missing key gives 401 at once', async () => {
    const response = await post('/v2/track').send({ userId: 'u', event: 'e' });
    expectError(response, 401, 'unauthorized');
  });

  it('an unknown key gives 401, in every auth form', async () => {
    expectError(await post('/v2/track').set('Authorization', 'Basic nope').send({ userId: 'u', event: 'e' }), 401, 'unauthorized');
    expectError(
      await post('/segment').set('Authorization', basicAuth('nope')).send({ type: 'track', userId: 'u', event: 'e' }),
      401,
      'unauthorized',
    );
    expectError(await post('/v1/events').send({ api_key: 'nope', timestamp: 1, user_id: 'u', event: 'e' }), 401, 'unauthorized');
    expect(await ingest.queuedEvents()).toHaveLength(0);
  });

  it('a body that is not JSON gives 400 invalid_json', async () => {
    const response = await post('/v2/track').set('Authorization', auth).set('Content-Type', 'application/json').send('{"userId": ');
    expectError(response, 400, 'invalid_json');
  });

  it('a wrong content type gives 400 invalid_json', async () => {
    const response = await post('/v2/track').set('Authorization', auth).set('Content-Type', 'application/xml').send('<a/>');
    expectError(response, 400, 'invalid_json');
  });

  it('a missing required field gives 400 with its path', async () => {
    const response = await post('/v2/track').set('Authorization', auth).send({ userId: 'u1' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('missing_field');
    expect(JSON.stringify(response.body.error.details)).toContain('event');
  });

  it('a wrong type gives 400 with its path', async () => {
    const response = await post('/v2/track')
      .set('Authorization', auth)
      .send({ userId: 'u1', event: { nested: true } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_type');
    expect(JSON.stringify(response.body.error.details)).toContain('event');
  });

  it('an unknown type gives 400 unknown_type', async () => {
    const response = await post('/segment').set('Authorization', auth).send({ type: 'explode', userId: 'u1' });
    expectError(response, 400, 'unknown_type');
  });

  it('one event over 32 KB gives 413 payload_too_large', async () => {
    const response = await post('/v2/identify')
      .set('Authorization', auth)
      .send({ userId: 'u1', traits: { blob: 'x'.repeat(33 * 1024) } });
    expectError(response, 413, 'payload_too_large');
  });

  it('a batch over 500 KB gives 413', async () => {
    const batch = Array.from({ length: 200 }, (_, i) => ({ type: 'identify', userId: `u${i}`, traits: { blob: 'x'.repeat(3000) } }));
    const response = await post('/v1/batch').set('Authorization', auth).send({ batch });
    expectError(response, 413, 'payload_too_large');
  });

  it('a batch of more than 2,500 events gives 413', async () => {
    const batch = Array.from({ length: 2501 }, () => ({ type: 'track', userId: 'u', event: 'e' }));
    const response = await post('/v1/batch').set('Authorization', auth).send({ batch });
    expectError(response, 413, 'payload_too_large');
    expect(await ingest.queuedEvents()).toHaveLength(0);
  });

  it('a batch with some invalid events queues the valid ones and lists the rejected indices', async () => {
    const batch = [
      { type: 'track', userId: 'u1', event: 'ok-1' },
      { type: 'track', userId: 'u1' },
      { type: 'unknown', userId: 'u1' },
      { type: 'track', userId: 'u1', event: 'ok-2' },
    ];
    const response = await post('/v1/batch').set('Authorization', auth).send({ batch });
    expect(response.status).toBe(202);
    expect(response.body.rejected.map((entry: { index: number }) => entry.index)).toEqual([1, 2]);
    expect(response.body.rejected[0]).toMatchObject({ code: expect.any(String), path: expect.any(String) });
    expect((await ingest.queuedEvents()).map((event) => event.event)).toEqual(['ok-1', 'ok-2']);
  });

  it('an unknown route answers 404 in the error shape', async () => {
    expectError(await post('/v9/nothing').set('Authorization', auth).send({}), 404, 'not_found');
  });
});

describe('ingest rate limit', () => {
  let ingest: IngestHarness;

  beforeAll(async () => {
    ingest = await startIngest({ ingestRateLimit: 5 });
  });

  afterAll(async () => {
    await ingest.close();
  });

  it('answers 429 with Retry-After above the workspace limit', async () => {
    const auth = basicAuth(ingest.apiKey);
    const batch = Array.from({ length: 5 }, () => ({ type: 'track', userId: 'u', event: 'e' }));
    expect((await request(ingest.url).post('/v1/batch').set('Authorization', auth).send({ batch })).status).toBe(202);
    const limited = await request(ingest.url).post('/v1/batch').set('Authorization', auth).send({ batch });
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
