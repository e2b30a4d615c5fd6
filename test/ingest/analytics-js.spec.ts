import request from 'supertest';
import { INGEST_ROUTES, type IngestEvent } from '@coil/domain';
import { basicAuth, startIngest, type IngestHarness } from '../support/ingest-harness';

const PAGE_ORIGIN = 'http://page.example.test:5173';
const SENTINEL = 'PROPERTY_VALUE_THAT_MUST_NOT_BE_STORED';

/** The fields of an event that do not depend on when it was received (sentAt shifts the timestamp by the receive time). */
const stable = ({ receivedAt: _received, timestamp: _timestamp, ...event }: IngestEvent) => event;

// What @segment/analytics-next 1.84 sends (src/plugins/segmentio/fetch-dispatcher.ts and normalize.ts):
// the whole event as JSON, Content-Type text/plain, writeKey in the body and Basic base64(writeKey:),
// X-Retry-Count on retries, from the page's origin.
describe('analytics.js (@segment/analytics-next) paths', () => {
  let ingest: IngestHarness;

  beforeAll(async () => {
    ingest = await startIngest();
  });

  afterAll(() => ingest.close());

  beforeEach(() => ingest.queue.drain(true));

  function send(path: string, body: Record<string, unknown>, options: { auth?: boolean; retry?: number } = {}) {
    const call = request(ingest.url).post(path).set('Origin', PAGE_ORIGIN).set('Content-Type', 'text/plain');
    if (options.auth !== false) call.set('Authorization', basicAuth(ingest.apiKey));
    if (options.retry) call.set('X-Retry-Count', String(options.retry));
    return call.send(JSON.stringify({ ...body, writeKey: ingest.apiKey }));
  }

  const timestamp = '2026-03-10T10:00:00.000Z';
  const common = {
    anonymousId: 'anon-1',
    context: { page: { url: 'http://page' } },
    timestamp,
    sentAt: timestamp,
    _metadata: { bundled: [] },
  };
  const calls: Array<[string, string, Record<string, unknown>]> = [
    ['/v1/i', '/v1/identify', { type: 'identify', messageId: 'ajs-i', userId: 'u1', traits: { email: 'a@b.c' } }],
    ['/v1/t', '/v1/track', { type: 'track', messageId: 'ajs-t', userId: 'u1', event: 'Clicked', properties: { secret: SENTINEL } }],
    ['/v1/p', '/v1/page', { type: 'page', messageId: 'ajs-p', userId: 'u1', name: 'Pricing', properties: { secret: SENTINEL } }],
    ['/v1/s', '/v1/screen', { type: 'screen', messageId: 'ajs-s', userId: 'u1', name: 'Home' }],
    ['/v1/g', '/v1/group', { type: 'group', messageId: 'ajs-g', userId: 'u1', groupId: 'acme', traits: { name: 'Acme' } }],
    ['/v1/a', '/v1/alias', { type: 'alias', messageId: 'ajs-a', userId: 'u1', previousId: 'anon-1' }],
  ];

  it.each(calls)('POST %s queues what POST %s queues, with CORS on the answer', async (short, long, body) => {
    const response = await send(short, { ...common, ...body }, { retry: 2 });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ success: true });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const viaShort = await ingest.queuedEvents();
    await ingest.queue.drain(true);
    expect((await send(long, { ...common, ...body })).status).toBe(202);
    const viaLong = await ingest.queuedEvents();
    expect(viaShort).toHaveLength(1);
    expect(viaShort.map(stable)).toEqual(viaLong.map(stable));
    expect(viaShort[0].messageId).toBe(body.messageId);
    expect(JSON.stringify(viaShort)).not.toContain(SENTINEL);
  });

  it('POST /v1/b takes its batch body, with the key in the body alone or in the header alone', async () => {
    const batch = [
      { ...common, type: 'track', messageId: 'b-1', userId: 'u1', event: 'A' },
      { ...common, type: 'page', messageId: 'b-2', userId: 'u1', name: 'Docs' },
    ];
    const bodyOnly = await send('/v1/b', { batch, sentAt: timestamp }, { auth: false });
    expect(bodyOnly.status).toBe(202);
    const headerOnly = await request(ingest.url)
      .post('/v1/b')
      .set('Content-Type', 'text/plain')
      .set('Authorization', basicAuth(ingest.apiKey))
      .send(JSON.stringify({ batch: [{ ...batch[0], messageId: 'b-3' }] }));
    expect(headerOnly.status).toBe(202);
    expect((await ingest.queuedEvents()).map((event) => [event.messageId, event.event])).toEqual([
      ['b-1', 'A'],
      ['b-2', 'Viewed Docs Page'],
      ['b-3', 'A'],
    ]);
  });

  it('every new path keeps the error codes: 401 without a key, 400 for bad JSON, 413 over the limits', async () => {
    const noKey = await request(ingest.url)
      .post('/v1/t')
      .set('Origin', PAGE_ORIGIN)
      .set('Content-Type', 'text/plain')
      .send('{"type":"track","userId":"u","event":"e"}');
    expect(noKey.status).toBe(401);
    expect(noKey.body.error.code).toBe('unauthorized');
    const badJson = await request(ingest.url)
      .post('/v1/t')
      .set('Authorization', basicAuth(ingest.apiKey))
      .set('Content-Type', 'text/plain')
      .send('{"type":');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('invalid_json');
    const tooBig = await send('/v1/t', { type: 'track', userId: 'u', event: 'e', context: { blob: 'x'.repeat(40_000) } });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
    const missing = await send('/v1/t', { type: 'track', userId: 'u' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'missing_field', details: { path: '/event' } });
    expect(await ingest.queuedEvents()).toHaveLength(0);
  });

  it('POST /v1/m answers 200 without a key, stores and counts nothing, and keeps the body limits', async () => {
    const metrics = { series: [{ type: 'Counter', metric: 'analytics_js.invoke.track', value: 1, tags: { library: 'analytics.js' } }] };
    const response = await request(ingest.url)
      .post('/v1/m')
      .set('Origin', PAGE_ORIGIN)
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(metrics));
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(await ingest.queuedEvents()).toHaveLength(0);
    const notJson = await request(ingest.url).post('/v1/m').set('Content-Type', 'text/plain').send('{"series":');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
    const huge = await request(ingest.url)
      .post('/v1/m')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ series: 'x'.repeat(600 * 1024) }));
    expect(huge.status).toBe(413);
    const exposition = (await request(ingest.url).get('/metrics')).text;
    expect(exposition).not.toMatch(/route="v1\/m"/);
  });

  it('GET /v1/projects/:writeKey/settings: Segment.io with the key, posting back to the host the page used', async () => {
    const response = await request(ingest.url).get(`/v1/projects/${ingest.apiKey}/settings`).set('Origin', PAGE_ORIGIN);
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const host = new URL(ingest.url).host;
    expect(response.body.integrations).toEqual({
      'Segment.io': {
        apiKey: ingest.apiKey,
        apiHost: `${host}/v1`,
        protocol: 'http',
        addBundledMetadata: false,
        unbundledIntegrations: [],
      },
    });
    expect(response.body.metrics).toEqual({ sampleRate: 0 });
    const proxied = await request(ingest.url)
      .get(`/v1/projects/${ingest.apiKey}/settings`)
      .set('X-Forwarded-Host', 'ingest.example.com')
      .set('X-Forwarded-Proto', 'https');
    expect(proxied.body.integrations['Segment.io']).toMatchObject({ apiHost: 'ingest.example.com/v1', protocol: 'https' });
    const unknown = await request(ingest.url).get('/v1/projects/nope/settings').set('Origin', PAGE_ORIGIN);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('unauthorized');
    expect(unknown.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('ingest CORS, default origins (*)', () => {
  let ingest: IngestHarness;

  beforeAll(async () => {
    ingest = await startIngest({ ingestRateLimit: 2 });
  });

  afterAll(() => ingest.close());

  const preflight = (path: string, origin = PAGE_ORIGIN) =>
    request(ingest.url)
      .options(path)
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization,x-retry-count');

  it('answers the preflight of every ingest path with 204 and the allowed methods, headers and max age', async () => {
    const paths = [...INGEST_ROUTES.flatMap((info) => [info.path, ...info.aliases]), '/v1/m', `/v1/projects/${ingest.apiKey}/settings`];
    expect(paths).toEqual(expect.arrayContaining(['/v1/t', '/v1/b', '/batch', '/identify', '/groupidentify', '/2/httpapi']));
    for (const path of paths) {
      const response = await preflight(path);
      expect({ path, status: response.status }).toEqual({ path, status: 204 });
      expect(response.headers).toMatchObject({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'content-type, authorization, x-retry-count',
        'access-control-max-age': '7200',
      });
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('sets Access-Control-Allow-Origin on errors too: 400, 401, 413 and 429', async () => {
    const post = (path: string) => request(ingest.url).post(path).set('Origin', PAGE_ORIGIN);
    const auth = basicAuth(ingest.apiKey);
    const answers = [
      await post('/v1/t').set('Authorization', auth).set('Content-Type', 'text/plain').send('not json'),
      await post('/v1/t').set('Content-Type', 'text/plain').send('{"type":"track","userId":"u","event":"e"}'),
      await post('/v1/b')
        .set('Authorization', auth)
        .set('Content-Type', 'text/plain')
        .send('x'.repeat(600 * 1024)),
    ];
    const batch = Array.from({ length: 2 }, () => ({ type: 'track', userId: 'u', event: 'e' }));
    await post('/v1/b').set('Authorization', auth).set('Content-Type', 'text/plain').send(JSON.stringify({ batch }));
    answers.push(await post('/v1/b').set('Authorization', auth).set('Content-Type', 'text/plain').send(JSON.stringify({ batch })));
    expect(answers.map((answer) => answer.status)).toEqual([400, 401, 413, 429]);
    for (const answer of answers) expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answers[3].headers['retry-after']).toEqual(expect.any(String));
  });
});

describe('ingest CORS, narrowed with INGEST_CORS_ORIGINS', () => {
  let ingest: IngestHarness;
  const allowed = 'https://app.example.com';

  beforeAll(async () => {
    ingest = await startIngest({ ingestCorsOrigins: [allowed, 'http://localhost:3000'] });
  });

  afterAll(() => ingest.close());

  it('allows a listed origin by name and gives another origin no Allow-Origin', async () => {
    const preflight = (origin: string) =>
      request(ingest.url)
        .options('/v1/t')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization');
    const ok = await preflight(allowed);
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(allowed);
    expect(ok.headers['vary']).toMatch(/origin/i);
    const other = await preflight('https://evil.example.net');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();

    const send = (origin: string) =>
      request(ingest.url)
        .post('/v1/t')
        .set('Origin', origin)
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ type: 'track', userId: 'u', event: 'e', writeKey: ingest.apiKey }));
    const fromAllowed = await send(allowed);
    expect(fromAllowed.status).toBe(202);
    expect(fromAllowed.headers['access-control-allow-origin']).toBe(allowed);
    // The browser, not the server, withholds the answer from other origins.
    expect((await send('https://evil.example.net')).headers['access-control-allow-origin']).toBeUndefined();
  });
});
