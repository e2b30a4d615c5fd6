import request from 'supertest';
import { loadConfig } from '@coil/platform';
import { basicAuth, startIngest, type IngestHarness } from '../support/ingest-harness';
import { TcpProxy } from '../support/tcp-proxy';

describe('ingest with Redis unreachable', () => {
  let ingest: IngestHarness;
  const proxy = new TcpProxy('127.0.0.1', Number(new URL(loadConfig().redisUrl).port || 6379));

  beforeAll(async () => {
    const port = await proxy.listen();
    ingest = await startIngest({ redisUrl: `redis://127.0.0.1:${port}`, ingestQueueTimeoutMs: 1000 });
  });

  afterAll(async () => {
    proxy.restore();
    await ingest.close();
    await proxy.close();
  });

  it('answers 503, never 202, while the queue cannot be written; 202 again once it can', async () => {
    const auth = basicAuth(ingest.apiKey);
    const send = (event: string) => request(ingest.url).post('/v2/track').set('Authorization', auth).send({ userId: 'u1', event });
    expect((await send('before')).status).toBe(202);

    proxy.cut();
    const during = await send('during').set('Origin', 'http://page.example.test');
    expect(during.status).toBe(503);
    expect(during.body.error.code).toBe('queue_unavailable');
    // A page's analytics.js can read the 503 and retry (CORS headers on errors too).
    expect(during.headers['access-control-allow-origin']).toBe('*');
    const ready = await request(ingest.url).get('/readyz');
    expect(ready.status).toBe(503);

    proxy.restore();
    let after = 0;
    for (let attempt = 0; attempt < 50 && after !== 202; attempt += 1) {
      after = (await send('after')).status;
      if (after !== 202) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(after).toBe(202);
    const names = (await ingest.queuedEvents()).map((event) => event.event);
    expect(names).toContain('before');
    expect(names).not.toContain('during');
  });
});
