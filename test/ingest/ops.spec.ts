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

  it('/healthz answers ok and /readyz reports Redis', async () => {
    expect((await request(ingest.url).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(ingest.url).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ready: true, checks: { redis: 'ok' } });
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
