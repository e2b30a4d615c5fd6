import request from 'supertest';
import { basicAuth, startIngest, type IngestHarness } from '../support/ingest-harness';

// A value that appears only inside `properties`: it must never reach the queue.
const SENTINEL = 'PROPERTY_VALUE_THAT_MUST_NOT_BE_STORED';

describe('ingest routes accept every client shape and queue no properties', () => {
  let ingest: IngestHarness;

  beforeAll(async () => {
    ingest = await startIngest();
  });

  afterAll(async () => {
    await ingest.close();
  });

  beforeEach(async () => {
    await ingest.queue.drain(true);
  });

  async function post(path: string, body: unknown, authorization?: string) {
    const call = request(ingest.url).post(path).set('Content-Type', 'application/json');
    if (authorization) call.set('Authorization', authorization);
    return call.send(JSON.stringify(body));
  }

  async function expectQueued(count: number) {
    const events = await ingest.queuedEvents();
    expect(events).toHaveLength(count);
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain(SENTINEL);
    expect(serialized).not.toContain('"properties"');
    return events;
  }

  it('POST /segment: the destination connection test {} answers 2xx and queues nothing', async () => {
    const response = await post('/segment', {}, basicAuth(ingest.apiKey));
    expect(response.status).toBe(202);
    await expectQueued(0);
  });

  it("POST /segment: the destination's identify, group, track, page and screen bodies", async () => {
    const auth = basicAuth(ingest.apiKey);
    const timestamp = '2025-09-01T10:00:00.000Z';
    const bodies = [
      { type: 'identify', userId: 'u1', traits: { email: 'a@b.c', name: 'Ann', role: 'admin', createdAt: 1700000000 }, timestamp },
      { type: 'group', groupId: 'acme', traits: { name: 'Acme', plan: 'pro', mrr: 9900 }, timestamp },
      { type: 'track', event: 'Report Created', userId: 'u1', timestamp },
      { type: 'page', userId: 'u1', name: 'Pricing', timestamp },
      { type: 'screen', userId: 'u1', name: 'Home', timestamp },
    ];
    for (const body of bodies) {
      const response = await post('/segment', body, auth);
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ success: true });
    }
    const events = await expectQueued(5);
    expect(events.map((event) => event.type)).toEqual(['identify', 'group', 'track', 'track', 'track']);
    expect(events.map((event) => event.event).slice(2)).toEqual(['Report Created', 'Viewed Pricing Page', 'Viewed Home Screen']);
    expect(events[0].traits).toMatchObject({ email: 'a@b.c', role: 'admin' });
    expect(events[1].traits).toMatchObject({ name: 'Acme', mrr: 9900 });
    expect(events.every((event) => event.timestamp === timestamp)).toBe(true);
  });

  it('POST /segment: the older "Post to Accoil" action with the whole Segment event', async () => {
    const body = {
      type: 'track',
      event: 'Document Shared',
      userId: 'u2',
      anonymousId: 'anon-2',
      messageId: 'msg-older-action',
      properties: { secret: SENTINEL },
      context: { groupId: 'acme', ip: '10.0.0.1' },
      timestamp: '2025-09-01T10:00:00.000Z',
    };
    expect((await post('/segment', body, basicAuth(ingest.apiKey))).status).toBe(202);
    const [event] = await expectQueued(1);
    expect(event).toMatchObject({ messageId: 'msg-older-action', groupId: 'acme', userId: 'u2' });
  });

  it('Accoil REST v2 with `Basic <raw key>`: the docs example and identify/group', async () => {
    const auth = `Basic ${ingest.apiKey}`;
    expect((await post('/v2/track', { userId: 'user_12345', event: 'Report_Created' }, auth)).status).toBe(202);
    expect((await post('/v2/identify', { userId: 'user_12345', groupId: 'g1', traits: { email: 'x@y.z' } }, auth)).status).toBe(202);
    expect((await post('/v2/group', { groupId: 'g1', userId: 'user_12345', traits: { name: 'G One' } }, auth)).status).toBe(202);
    const events = await expectQueued(3);
    expect(events[0]).toMatchObject({ type: 'track', userId: 'user_12345', event: 'Report_Created' });
    expect(events[1]).toMatchObject({ type: 'identify', groupId: 'g1' });
    expect(events[2]).toMatchObject({ type: 'group', groupId: 'g1', userId: 'user_12345' });
  });

  it('Accoil legacy v1 with api_key in the body: the docs example, users and groups', async () => {
    const key = ingest.apiKey;
    const track = { api_key: key, timestamp: 1500000000000, user_id: 'user_12345', event: 'Report_Created' };
    expect((await post('/v1/events', track)).status).toBe(202);
    expect((await post('/v1/users', { api_key: key, timestamp: 1500000000000, user_id: 'user_12345', traits: { name: 'U' } })).status).toBe(
      202,
    );
    expect((await post('/v1/groups', { api_key: key, timestamp: 1500000000000, group_id: 'g1', user_id: 'user_12345' })).status).toBe(202);
    const events = await expectQueued(3);
    expect(events[0]).toMatchObject({ type: 'track', event: 'Report_Created', timestamp: new Date(1500000000000).toISOString() });
    expect(JSON.stringify(events)).not.toContain(key);
  });

  it('Segment HTTP tracking API: single calls and a batch with writeKey in the body', async () => {
    const auth = basicAuth(ingest.apiKey);
    const calls: [string, Record<string, unknown>][] = [
      ['/v1/identify', { userId: 'u3', traits: { email: 'u3@x.io' } }],
      ['/v1/track', { userId: 'u3', event: 'Clicked', properties: { v: SENTINEL } }],
      ['/v1/page', { userId: 'u3', name: 'Docs', properties: { url: SENTINEL } }],
      ['/v1/screen', { userId: 'u3', properties: { v: SENTINEL } }],
      ['/v1/group', { userId: 'u3', groupId: 'g3', traits: { plan: 'trial' } }],
      ['/v1/alias', { userId: 'u3', previousId: 'anon-3' }],
    ];
    for (const [path, body] of calls) expect((await post(path, body, auth)).status).toBe(202);
    const batch = {
      writeKey: ingest.apiKey,
      sentAt: new Date().toISOString(),
      batch: [
        { type: 'track', event: 'A', userId: 'u4', messageId: 'b-1', timestamp: new Date().toISOString(), properties: { p: SENTINEL } },
        { type: 'identify', userId: 'u4', messageId: 'b-2', traits: { name: 'Four' } },
      ],
    };
    expect((await post('/v1/batch', batch)).status).toBe(202);
    const events = await expectQueued(8);
    expect(events.map((event) => event.event ?? event.type)).toEqual([
      'identify',
      'Clicked',
      'Viewed Docs Page',
      'Viewed Screen',
      'group',
      'alias',
      'A',
      'identify',
    ]);
    expect(events[5]).toMatchObject({ previousId: 'anon-3', userId: 'u3' });
  });

  it('Amplitude: Accoil-shaped events with groupTraits and the HTTP API v2', async () => {
    const accoilShaped = {
      type: 'track',
      event: 'Exported',
      userId: 'u5',
      timestamp: '2025-09-01T10:00:00.000Z',
      groupTraits: [
        { groupId: 'zeta', traits: { name: 'Zeta', group_type: 'org' } },
        { groupId: 'alpha', traits: { name: 'Alpha', group_type: 'org' } },
      ],
    };
    expect((await post('/amplitude', accoilShaped, basicAuth(ingest.apiKey))).status).toBe(202);
    const httpApi = {
      api_key: ingest.apiKey,
      events: [
        {
          event_type: 'Viewed Report',
          user_id: 'u6',
          time: 1756720800000,
          insert_id: 'ins-1',
          event_properties: { secret: SENTINEL },
          groups: { org: ['b-org', 'a-org'] },
        },
      ],
    };
    const response = await post('/2/httpapi', httpApi);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 200, events_ingested: 1 });
    const events = await expectQueued(4);
    const track = events.find((event) => event.event === 'Exported');
    expect(track?.groupId).toBe('alpha');
    expect(events.find((event) => event.event === 'Viewed Report')).toMatchObject({
      groupId: 'a-org',
      messageId: 'ins-1',
      timestamp: new Date(1756720800000).toISOString(),
    });
  });
});
