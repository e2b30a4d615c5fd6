import { CoilError, eventTooLarge, MAX_EVENT_BYTES, type IngestEvent } from '@coil/domain';
import { hashCredential } from '@coil/workspaces';
import { IngestService, type IngestKeyResolver, type IngestRequest } from './ingest.service';

const KEY = 'ck_live_key';
const WORKSPACE = '7';

/** A key resolver, rate limiter and batcher that log what they are asked, in order. */
function fakes(options: { retryAfter?: number; queueError?: Error } = {}) {
  const log: string[] = [];
  const queued: IngestEvent[][] = [];
  const keys: IngestKeyResolver = {
    resolveIngestKey: async (rawKey) => (log.push(`resolve ${rawKey}`), rawKey === KEY ? WORKSPACE : null),
  };
  const limiter = {
    take: (bucketId: string, cost: number) => (log.push(`take ${cost} from ${bucketId}`), options.retryAfter ?? 0),
  };
  const batcher = {
    enqueue: async (workspaceId: string, events: IngestEvent[]) => {
      log.push(`enqueue ${events.length} for ${workspaceId}`);
      if (options.queueError) throw options.queueError;
      queued.push(events);
    },
  };
  return { service: new IngestService(keys, limiter, batcher), log, queued };
}

const track = (body: Record<string, unknown> = {}): IngestRequest => ({
  route: 'v2/track',
  authorization: `Basic ${KEY}`,
  body: { userId: 'u1', event: 'Report_Created', ...body },
  bodyBytes: 64,
});

describe('IngestService.accept', () => {
  it('checks the key, then the rate limit of its hash, then queues, and answers with what it accepted', async () => {
    const { service, log, queued } = fakes();

    const outcome = await service.accept(track());

    expect(log).toEqual([`resolve ${KEY}`, `take 1 from ${hashCredential(KEY)}`, `enqueue 1 for ${WORKSPACE}`]);
    expect(queued[0]).toEqual([expect.objectContaining({ type: 'track', userId: 'u1', event: 'Report_Created' })]);
    expect(outcome).toEqual({ workspaceId: WORKSPACE, accepted: 1, rejected: [] });
  });

  it('refuses a missing or unknown key with 401 before anything is limited or queued', async () => {
    const { service, log } = fakes();

    await expect(service.accept({ ...track(), authorization: undefined })).rejects.toMatchObject({
      status: 'unauthorized',
      message: 'Missing API key',
    });
    await expect(service.accept({ ...track(), authorization: 'Basic nope' })).rejects.toMatchObject({
      status: 'unauthorized',
      message: 'Invalid API key',
    });
    expect(log).toEqual(['resolve nope']);
  });

  it("falls back to the body's key when the header's is unknown", async () => {
    const { service } = fakes();
    const request: IngestRequest = {
      route: 'v1/events',
      authorization: 'Basic nope',
      body: { api_key: KEY, timestamp: 1, user_id: 'u', event: 'e' },
      bodyBytes: 64,
    };
    await expect(service.accept(request)).resolves.toMatchObject({ workspaceId: WORKSPACE, accepted: 1 });
  });

  it('answers 429 with the wait when the key is over its rate, and queues nothing', async () => {
    const { service, log } = fakes({ retryAfter: 3 });
    const error = await service.accept(track()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoilError);
    expect(error).toMatchObject({ status: 'rate_limited', details: { retry_after_seconds: 3 } });
    expect(log.some((entry) => entry.startsWith('enqueue'))).toBe(false);
  });

  it('refuses a single-event body over the event limit, after the key and before the rate limit; a batch body is not held to it', async () => {
    const { service, log } = fakes();
    const error = await service.accept({ ...track(), bodyBytes: MAX_EVENT_BYTES + 1 }).catch((caught: unknown) => caught);
    expect((error as CoilError).toBody()).toEqual(eventTooLarge().toBody());
    expect(log).toEqual([`resolve ${KEY}`]);

    const batch: IngestRequest = {
      route: 'v1/batch',
      authorization: `Basic ${KEY}`,
      body: { batch: [{ type: 'track', userId: 'u', event: 'e' }] },
      bodyBytes: MAX_EVENT_BYTES + 1,
    };
    await expect(service.accept(batch)).resolves.toMatchObject({ accepted: 1 });
  });

  it("neither limits nor queues a request without events (Segment's connection test)", async () => {
    const { service, log } = fakes();
    const outcome = await service.accept({ route: 'segment', authorization: `Basic ${KEY}`, body: {}, bodyBytes: 2 });
    expect(outcome).toEqual({ workspaceId: WORKSPACE, accepted: 0, rejected: [] });
    expect(log).toEqual([`resolve ${KEY}`]);
  });

  it("fails with the batcher's error when the queue is unreachable", async () => {
    const unavailable = new CoilError('service_unavailable', 'queue_unavailable', 'The event queue is unavailable; retry later');
    const { service } = fakes({ queueError: unavailable });
    await expect(service.accept(track())).rejects.toBe(unavailable);
  });

  it('refuses a form on a JSON route before looking at the key, and takes it on the Identify APIs', async () => {
    const { service, log } = fakes();
    await expect(service.accept({ ...track(), bodyFormat: 'form' })).rejects.toMatchObject({ status: 'bad_request', code: 'invalid_json' });
    expect(log).toEqual([]);
    const form = { api_key: KEY, identification: JSON.stringify({ user_id: 'u1', user_properties: { $setOnce: { plan: 'trial' } } }) };
    const outcome = await service.accept({ route: 'identify', authorization: undefined, body: form, bodyBytes: 90, bodyFormat: 'form' });
    expect(outcome).toMatchObject({ workspaceId: WORKSPACE, accepted: 1 });
  });

  it('tells whether a raw key is active, for the analytics.js settings route', async () => {
    const { service } = fakes();
    await expect(service.isActiveKey(KEY)).resolves.toBe(true);
    await expect(service.isActiveKey('nope')).resolves.toBe(false);
  });
});
