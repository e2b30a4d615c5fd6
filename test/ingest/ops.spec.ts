import request from 'supertest';
import { startIngest, type IngestHarness } from '../support/ingest-harness';

describe('ingest ops endpoints', () => {
  let ingest: IngestHarness;

  beforeAll(async () => {
    ingest = await startIngest();
  });

  afterAll(async () => {
    await ingest.close();
  });

  it('/healthz answers ok and /readyz reports Redis and whether the queue is durable', async () => {
    expect((await request(ingest.url).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(ingest.url).get('/readyz');
    expect(ready.status).toBe(200);
    // The test Redis runs without AOF: a warning that leaves the ingest ready (test/platform covers both).
    expect(ready.body).toEqual({
      ready: true,
      checks: { redis: 'ok', queue_durability: expect.stringMatching(/^(ok|warning: queue NOT durable)/) },
    });
  });

  it('/metrics counts accepted events by route and shows the queue depth', async () => {
    await request(ingest.url)
      .post('/v2/track')
      .set('Authorization', `Basic ${ingest.apiKey}`)
      .send({ userId: 'u1', event: 'Metered' })
      .expect(202);
    const metrics = await request(ingest.url).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/coil_ingest_events_total\{route="v2\/track",result="accepted"\} [1-9]/);
    expect(metrics.text).toMatch(/coil_queue_depth\{state="waiting"\} [1-9]/);
  });
});

describe('ingest OpenAPI', () => {
  let ingest: IngestHarness;

  beforeAll(async () => {
    ingest = await startIngest();
  });

  afterAll(async () => {
    await ingest.close();
  });

  it('/docs-json documents every route with an example body and the error shape; /docs serves the UI', async () => {
    const document = (await request(ingest.url).get('/docs-json').expect(200)).body;
    expect(document.openapi).toMatch(/^3\./);
    const paths = Object.keys(document.paths);
    for (const path of ['/segment', '/v1/batch', '/v2/track', '/v1/events', '/amplitude', '/2/httpapi']) {
      expect(paths).toContain(path);
    }
    for (const path of ['/v1/t', '/v1/b', '/v1/m', '/v1/projects/{writeKey}/settings', '/batch', '/identify', '/groupidentify']) {
      expect(paths).toContain(path);
    }
    const identify = document.paths['/identify'].post.requestBody.content;
    expect(Object.keys(identify)).toEqual(['application/x-www-form-urlencoded', 'application/json', 'text/plain']);
    expect(JSON.parse(identify['application/x-www-form-urlencoded'].examples.example.value.identification)).toMatchObject({
      user_id: 'user_12345',
    });
    const track = document.paths['/v2/track'].post;
    expect(track.requestBody.content['application/json'].examples.example.value).toEqual({ userId: 'user_12345', event: 'Report_Created' });
    expect(track.responses['401'].content['application/json'].examples.unauthorized.value.error.code).toBe('unauthorized');
    expect((await request(ingest.url).get('/docs')).status).toBe(200);
  });
});
