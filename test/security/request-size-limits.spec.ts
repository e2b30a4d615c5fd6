import { gzipSync } from 'node:zlib';
import { INGEST_ROUTES, isBatchRoute } from '@coil/domain';
import { startIngest, type IngestHarness } from '../support/ingest-harness';

const BODY_TOO_LARGE = {
  error: { message: 'Request body is too large', status: 'payload_too_large', code: 'payload_too_large' },
};
const EVENT_TOO_LARGE = {
  error: {
    message: 'An event may be at most 32 KB',
    status: 'payload_too_large',
    code: 'payload_too_large',
    details: { limit_bytes: 32 * 1024 },
  },
};

/** A body every route would otherwise accept: only its size is wrong. */
function paddedTrack(bytes: number): string {
  const head = '{"type":"track","userId":"u","event":"e","traits":{"pad":"';
  const tail = '"}}';
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
}

describe('request size limits on every ingest route', () => {
  let ingest: IngestHarness;
  // 50 MB of JSON that gzip squeezes to ~50 KB: small on the wire, fatal if inflated in full.
  const gzipBomb = gzipSync(Buffer.from(paddedTrack(50 * 1024 * 1024)), { level: 9 });

  beforeAll(async () => {
    ingest = await startIngest();
  });

  afterAll(async () => {
    await ingest.close();
  });

  // fetch rather than supertest: superagent would JSON-encode a Buffer body instead of sending its bytes.
  const post = async (path: string, body: string | Buffer, encoding?: 'gzip'): Promise<{ status: number; body: unknown }> => {
    const headers: Record<string, string> = {
      authorization: `Basic ${ingest.apiKey}`,
      'content-type': 'application/json',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    };
    const response = await fetch(`${ingest.url}${path}`, { method: 'POST', headers, body });
    return { status: response.status, body: await response.json() };
  };

  it.each(INGEST_ROUTES.map((info) => info.path))('%s: a body over 500 KB gets 413', async (path) => {
    const response = await post(path, paddedTrack(501 * 1024));
    expect(response.status).toBe(413);
    expect(response.body).toEqual(BODY_TOO_LARGE);
  });

  it.each(INGEST_ROUTES.map((info) => info.path))('%s: a gzip bomb gets 413 without being inflated', async (path) => {
    expect(gzipBomb.length).toBeLessThan(100 * 1024);
    const response = await post(path, gzipBomb, 'gzip');
    expect(response.status).toBe(413);
    expect(response.body).toEqual(BODY_TOO_LARGE);
  });

  const singleEventRoutes = INGEST_ROUTES.filter((info) => !isBatchRoute(info.route)).map((info) => info.path);

  it.each(singleEventRoutes)('%s: one event over 32 KB gets 413, plain or gzipped', async (path) => {
    const body = paddedTrack(33 * 1024);
    const plain = await post(path, body);
    expect(plain.status).toBe(413);
    expect(plain.body).toEqual(EVENT_TOO_LARGE);
    const gzipped = await post(path, gzipSync(Buffer.from(body)), 'gzip');
    expect(gzipped.status).toBe(413);
    expect(gzipped.body).toEqual(EVENT_TOO_LARGE);
  });

  it('queued nothing from any of the oversized requests', async () => {
    expect(singleEventRoutes).toHaveLength(13);
    expect(await ingest.queuedEvents()).toEqual([]);
  });
});
