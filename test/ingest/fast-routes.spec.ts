import { gzipSync } from 'node:zlib';
import { MAX_BODY_BYTES } from '@coil/domain';
import { basicAuth, startIngest, type IngestHarness } from '../support/ingest-harness';

interface Sent {
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

interface Answer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
}

/**
 * Server-side clients are answered by the fast routes (Node's http), pages (an Origin header) by
 * Fastify: the same request must get the same answer on both, whatever it is.
 */
describe('ingest fast routes answer as the Fastify routes do', () => {
  let ingest: IngestHarness;
  let auth: string;

  beforeAll(async () => {
    ingest = await startIngest({ ingestRateLimit: 1_000_000 });
    auth = basicAuth(ingest.apiKey);
  });

  afterAll(async () => {
    await ingest.close();
  });

  async function send(sent: Sent, origin: string | undefined): Promise<Answer> {
    const response = await fetch(`${ingest.url}${sent.path}`, {
      method: 'POST',
      headers: { ...(origin ? { origin } : {}), ...sent.headers },
      body: sent.body,
    });
    const text = await response.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    // Amplitude answers carry the server's clock.
    if (typeof body.server_upload_time === 'number') body.server_upload_time = 'a time';
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      retryAfter: response.headers.get('retry-after'),
      body,
    };
  }

  const json = (path: string, body: unknown, headers: Record<string, string> = {}): Sent => ({
    path,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

  const cases: Array<[string, () => Sent, number]> = [
    ['an Accoil track', () => json('/v2/track', { userId: 'u1', event: 'Report_Created' }, { authorization: auth }), 202],
    [
      'a Segment batch with a rejected item',
      () => json('/v1/batch', { batch: [{ type: 'track', userId: 'u', event: 'e' }, { type: 'nope' }] }, { authorization: auth }),
      202,
    ],
    ['an alias path with a query string', () => json('/v1/t?ajs=1', { userId: 'u', event: 'e' }, { authorization: auth }), 202],
    ['an Amplitude upload', () => json('/2/httpapi', { api_key: ingest.apiKey, events: [{ user_id: 'u', event_type: 'e' }] }), 200],
    [
      'an Amplitude Identify form',
      () => ({
        path: '/identify',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: ingest.apiKey,
          identification: JSON.stringify({ user_id: 'u', user_properties: { plan: 'pro' } }),
        }).toString(),
      }),
      200,
    ],
    [
      'a gzipped track',
      () => ({
        path: '/v1/track',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: auth },
        body: gzipSync(JSON.stringify({ userId: 'u', event: 'e' })),
      }),
      202,
    ],
    [
      'broken JSON',
      () => ({ path: '/v2/track', headers: { 'content-type': 'application/json', authorization: auth }, body: '{"userId":' }),
      400,
    ],
    [
      'a wrong content type',
      () => ({ path: '/v2/track', headers: { 'content-type': 'application/xml', authorization: auth }, body: '<a/>' }),
      400,
    ],
    [
      'a form where JSON is wanted',
      () => ({
        path: '/v2/track',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth },
        body: 'userId=u&event=e',
      }),
      400,
    ],
    ['no body and no content type', () => ({ path: '/v2/track', headers: { authorization: auth } }), 400],
    [
      'an empty JSON body',
      () => ({ path: '/v2/track', headers: { 'content-type': 'application/json', authorization: auth }, body: '' }),
      400,
    ],
    [
      'an unsupported encoding',
      () => ({
        path: '/v2/track',
        headers: { 'content-type': 'application/json', 'content-encoding': 'br', authorization: auth },
        body: '{}',
      }),
      400,
    ],
    [
      'a prototype-polluting body',
      () => json('/v2/identify', JSON.parse('{"userId":"u","traits":{"__proto__":{"admin":true},"plan":"pro"}}'), { authorization: auth }),
      202,
    ],
    ['a missing field', () => json('/v2/track', { userId: 'u' }, { authorization: auth }), 400],
    ['an unknown key', () => json('/v2/track', { userId: 'u', event: 'e' }, { authorization: basicAuth('coil_ik_nope') }), 401],
    [
      'an event over 32 KB',
      () => json('/v2/identify', { userId: 'u', traits: { blob: 'x'.repeat(40 * 1024) } }, { authorization: auth }),
      413,
    ],
    [
      'a body over the limit',
      () =>
        json(
          '/v1/batch',
          { batch: [{ type: 'track', userId: 'u', event: 'e', pad: 'x'.repeat(MAX_BODY_BYTES) }] },
          { authorization: auth },
        ),
      413,
    ],
  ];

  it.each(cases)('%s', async (_name, make, status) => {
    const direct = await send(make(), undefined);
    const fromPage = await send(make(), 'https://app.example.com');
    expect(direct.status).toBe(status);
    expect(direct).toEqual(fromPage);
    expect(direct.contentType).toBe('application/json; charset=utf-8');
  });

  it('a route outside the table, or another method, is still Fastify’s', async () => {
    expect(
      (await fetch(`${ingest.url}/v2/nope`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status,
    ).toBe(404);
    expect((await fetch(`${ingest.url}/v2/track`)).status).toBe(404);
    expect((await fetch(`${ingest.url}/readyz`)).status).toBe(200);
  });

  it('queues what it accepts, once per request, on both paths', async () => {
    await ingest.queue.drain(true);
    await send(json('/v2/track', { userId: 'fast', event: 'Counted' }, { authorization: auth }), undefined);
    await send(json('/v2/track', { userId: 'page', event: 'Counted' }, { authorization: auth }), 'https://app.example.com');
    const queued = await ingest.queuedEvents();
    expect(queued.map((event) => event.userId).sort()).toEqual(['fast', 'page']);
  });
});
