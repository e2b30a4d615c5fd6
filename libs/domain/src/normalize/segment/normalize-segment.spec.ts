import { normalizeRequest } from '../../ingest/normalize-request';
import { analyticsNodeBatch, fullSegmentTrackEvent, segmentDestination } from '../../ingest/testing/client-fixtures';
import { PROPERTY_SENTINEL, RECEIVED_AT, testContext, thrown } from '../../ingest/testing/normalize-test-context';

const receivedAt = RECEIVED_AT.toISOString();

describe('POST /segment (Segment Accoil destination)', () => {
  it('answers the connection test {} with no events and no error', () => {
    expect(normalizeRequest('segment', {}, testContext())).toEqual({ events: [], rejected: [] });
  });

  it('keeps identify traits as an object', () => {
    const { events } = normalizeRequest('segment', segmentDestination.identify, testContext());
    expect(events).toEqual([
      {
        type: 'identify',
        messageId: 'gen-1',
        userId: 'user_12345',
        traits: segmentDestination.identify.traits,
        timestamp: '2026-03-10T11:00:00.000Z',
        receivedAt,
      },
    ]);
  });

  it('accepts a group call without userId', () => {
    const { events } = normalizeRequest('segment', segmentDestination.group, testContext());
    expect(events).toEqual([
      {
        type: 'group',
        messageId: 'gen-1',
        groupId: 'acc_1',
        traits: segmentDestination.group.traits,
        timestamp: '2026-03-10T11:00:00.000Z',
        receivedAt,
      },
    ]);
  });

  it('keeps a track call name and user', () => {
    const { events } = normalizeRequest('segment', segmentDestination.track, testContext());
    expect(events).toEqual([
      {
        type: 'track',
        messageId: 'gen-1',
        userId: 'user_12345',
        event: 'Report_Created',
        timestamp: '2026-03-10T11:00:00.000Z',
        receivedAt,
      },
    ]);
  });

  it.each([
    [segmentDestination.page, 'Viewed Pricing Page'],
    [segmentDestination.screen, 'Viewed Dashboard Screen'],
    [{ type: 'page', userId: 'u' }, 'Viewed Page'],
    [{ type: 'screen', userId: 'u', name: '  ' }, 'Viewed Screen'],
  ])('turns %j into a track named %s', (body, name) => {
    const [event] = normalizeRequest('segment', body, testContext()).events;
    expect(event).toMatchObject({ type: 'track', event: name });
  });

  it('takes the whole forwarded Segment event without its properties or context', () => {
    const { events } = normalizeRequest('segment', fullSegmentTrackEvent, testContext());
    expect(events).toEqual([
      {
        type: 'track',
        messageId: 'ajs-5f2b1a4c0e9d',
        userId: 'user_12345',
        anonymousId: 'anon-42',
        groupId: 'acc_ctx',
        event: 'Report Exported',
        // Segment's servers already corrected it (receivedAt is present): not shifted again.
        timestamp: '2026-03-10T11:00:02.000Z',
        receivedAt,
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(PROPERTY_SENTINEL);
    expect(JSON.stringify(events)).not.toContain('properties');
  });

  it('requires type, and rejects unknown types with their path', () => {
    expect(thrown(() => normalizeRequest('segment', { userId: 'u', event: 'E' }, testContext())).details).toEqual({ path: '/type' });
    const unknown = thrown(() => normalizeRequest('segment', { type: 'purchase', userId: 'u' }, testContext()));
    expect([unknown.status, unknown.code, unknown.details]).toEqual(['bad_request', 'unknown_type', { path: '/type' }]);
  });

  it('turns alias previousId -> userId into an alias event', () => {
    const [event] = normalizeRequest(
      'segment',
      { type: 'alias', userId: 'u1', previousId: 'anon-1', messageId: 'm' },
      testContext(),
    ).events;
    expect(event).toEqual({ type: 'alias', messageId: 'm', userId: 'u1', previousId: 'anon-1', timestamp: receivedAt, receivedAt });
  });
});

describe('Segment field rules', () => {
  const track = (fields: Record<string, unknown>): unknown => ({ type: 'track', event: 'E', ...fields });

  it('accepts anonymous events, also with userId: null as analytics.js sends it', () => {
    const [event] = normalizeRequest('segment', track({ userId: null, anonymousId: 'anon-1' }), testContext()).events;
    expect(event).toMatchObject({ anonymousId: 'anon-1' });
    expect(event).not.toHaveProperty('userId');
  });

  it('names both ids when neither is sent', () => {
    const error = thrown(() => normalizeRequest('segment', track({}), testContext()));
    expect([error.code, error.message, error.details]).toEqual([
      'missing_field',
      'one of userId, anonymousId is required',
      { path: '/userId' },
    ]);
  });

  it('converts numeric ids to strings', () => {
    const [event] = normalizeRequest('segment', track({ userId: 42, groupId: 7 }), testContext()).events;
    expect(event).toMatchObject({ userId: '42', groupId: '7' });
  });

  it.each([
    [{ userId: '' }, 'invalid_type', '/userId'],
    [{ userId: '   ' }, 'invalid_type', '/userId'],
    [{ userId: { id: 1 } }, 'invalid_type', '/userId'],
    [{ userId: ['u'] }, 'invalid_type', '/userId'],
    [{ userId: 1.5 }, 'invalid_type', '/userId'],
    [{ userId: 'u'.repeat(256) }, 'invalid_request', '/userId'],
    [{ userId: 'u', event: 'e'.repeat(201) }, 'invalid_request', '/event'],
    [{ userId: 'u', event: '' }, 'invalid_type', '/event'],
    [{ userId: 'u', timestamp: 'yesterday' }, 'invalid_type', '/timestamp'],
    [{ userId: 'u', timestamp: 1500000000000 }, 'invalid_type', '/timestamp'],
    [{ userId: 'u', context: { groupId: {} } }, 'invalid_type', '/context/groupId'],
  ])('rejects %j with %s at %s', (fields, code, path) => {
    const error = thrown(() => normalizeRequest('segment', track(fields), testContext()));
    expect([error.status, error.code, error.details]).toEqual(['bad_request', code, { path }]);
  });

  it('limits traits to a plain object of at most 100 keys without prototype keys', () => {
    const identify = (traits: unknown): unknown => ({ type: 'identify', userId: 'u', traits });
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]));
    expect(thrown(() => normalizeRequest('segment', identify(many), testContext())).details).toEqual({ path: '/traits' });
    expect(thrown(() => normalizeRequest('segment', identify(['a']), testContext())).code).toBe('invalid_type');
    const polluted = thrown(() =>
      normalizeRequest('segment', JSON.parse('{"type":"identify","userId":"u","traits":{"__proto__":{"x":1}}}'), testContext()),
    );
    expect([polluted.code, polluted.details]).toEqual(['invalid_request', { path: '/traits/__proto__' }]);
  });

  it('reads a timestamp without zone as UTC', () => {
    const [event] = normalizeRequest('segment', track({ userId: 'u', timestamp: '2026-03-10T10:00:00' }), testContext()).events;
    expect(event?.timestamp).toBe('2026-03-10T10:00:00.000Z');
  });

  it('refuses an event over 32 KB with 413', () => {
    const error = thrown(() =>
      normalizeRequest('segment', track({ userId: 'u', properties: { blob: 'x'.repeat(33 * 1024) } }), testContext()),
    );
    expect([error.status, error.code]).toEqual(['payload_too_large', 'payload_too_large']);
  });
});

describe('Segment clock skew and future clamp', () => {
  it('shifts the timestamp by receivedAt - sentAt', () => {
    // Client clock 1 h behind: it believes it sent at 11:00 while we received at 12:00.
    const body = { type: 'track', userId: 'u', event: 'E', timestamp: '2026-03-10T10:59:00.000Z', sentAt: '2026-03-10T11:00:00.000Z' };
    expect(normalizeRequest('segment', body, testContext()).events[0]?.timestamp).toBe('2026-03-10T11:59:00.000Z');
  });

  it('clamps what is still more than a day ahead to receivedAt, keeps what is less', () => {
    const at = (timestamp: string): string | undefined =>
      normalizeRequest('segment', { type: 'track', userId: 'u', event: 'E', timestamp }, testContext()).events[0]?.timestamp;
    expect(at('2026-03-13T12:00:00.000Z')).toBe(receivedAt);
    expect(at('2026-03-11T11:00:00.000Z')).toBe('2026-03-11T11:00:00.000Z');
  });

  it('clamps after correction: a client clock 2 days fast is corrected, not clamped', () => {
    const body = { type: 'track', userId: 'u', event: 'E', timestamp: '2026-03-12T11:59:00.000Z', sentAt: '2026-03-12T12:00:00.000Z' };
    expect(normalizeRequest('segment', body, testContext()).events[0]?.timestamp).toBe('2026-03-10T11:59:00.000Z');
  });
});

describe('Segment HTTP tracking API routes', () => {
  it.each([
    ['v1/identify', { userId: 'u', traits: { plan: 'pro' } }, { type: 'identify', traits: { plan: 'pro' } }],
    ['v1/track', { userId: 'u', event: 'Signed Up', properties: { p: PROPERTY_SENTINEL } }, { type: 'track', event: 'Signed Up' }],
    ['v1/page', { userId: 'u', name: 'Home' }, { type: 'track', event: 'Viewed Home Page' }],
    ['v1/screen', { userId: 'u', name: 'Home' }, { type: 'track', event: 'Viewed Home Screen' }],
    ['v1/group', { userId: 'u', groupId: 'g', traits: { plan: 'pro' } }, { type: 'group', groupId: 'g', traits: { plan: 'pro' } }],
    ['v1/alias', { userId: 'u', previousId: 'a' }, { type: 'alias', previousId: 'a' }],
  ] as const)('%s takes one event with the type implied by the route', (route, body, expected) => {
    const { events } = normalizeRequest(route, body, testContext());
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ...expected, userId: 'u' });
    expect(JSON.stringify(events)).not.toContain(PROPERTY_SENTINEL);
  });

  it('refuses a body whose type contradicts the route', () => {
    const error = thrown(() => normalizeRequest('v1/track', { type: 'identify', userId: 'u' }, testContext()));
    expect([error.code, error.details]).toEqual(['invalid_request', { path: '/type' }]);
  });
});

describe('POST /v1/batch', () => {
  it('normalises what @segment/analytics-node sends, with batch-level sentAt correction', () => {
    const { events, rejected } = normalizeRequest('v1/batch', analyticsNodeBatch, testContext());
    expect(rejected).toEqual([]);
    // received 12:00:00.000, sent 11:59:59.186 by the client clock: +814 ms.
    expect(events).toEqual([
      {
        type: 'identify',
        messageId: 'node-next-1-a',
        userId: 'u1',
        traits: { email: 'a@b.c', name: 'Ann' },
        timestamp: '2026-03-10T11:59:59.993Z',
        receivedAt,
      },
      {
        type: 'track',
        messageId: 'node-next-1-b',
        userId: 'u1',
        groupId: 'acc_1',
        event: 'Report Created',
        timestamp: '2026-03-10T11:59:59.994Z',
        receivedAt,
      },
      {
        type: 'track',
        messageId: 'node-next-1-c',
        anonymousId: 'anon-1',
        event: 'Viewed Pricing Page',
        timestamp: '2026-03-10T11:59:59.994Z',
        receivedAt,
      },
      {
        type: 'group',
        messageId: 'node-next-1-d',
        userId: 'u1',
        groupId: 'acc_1',
        traits: { plan: 'pro' },
        timestamp: '2026-03-10T11:59:59.994Z',
        receivedAt,
      },
      { type: 'alias', messageId: 'node-next-1-e', userId: 'u1', previousId: 'anon-1', timestamp: '2026-03-10T11:59:59.995Z', receivedAt },
    ]);
    expect(JSON.stringify(events)).not.toContain(PROPERTY_SENTINEL);
  });

  it('applies batch-level context.groupId to events without their own', () => {
    const body = { context: { groupId: 'acc_batch' }, batch: [{ type: 'track', userId: 'u', event: 'E' }] };
    expect(normalizeRequest('v1/batch', body, testContext()).events[0]?.groupId).toBe('acc_batch');
  });

  it('keeps valid events and lists the invalid ones with index, code and path', () => {
    const ok = { type: 'track', userId: 'u', event: 'E' };
    const body = {
      batch: [
        ok,
        { type: 'track', event: 'E' },
        ok,
        { type: 'track', userId: {}, event: 'E' },
        { type: 'nope', userId: 'u' },
        'x',
        { ...ok, p: 'x'.repeat(40_000) },
      ],
    };
    const { events, rejected } = normalizeRequest('v1/batch', body, testContext());
    expect(events).toHaveLength(2);
    expect(rejected.map(({ index, code, path }) => ({ index, code, path }))).toEqual([
      { index: 1, code: 'missing_field', path: '/batch/1/userId' },
      { index: 3, code: 'invalid_type', path: '/batch/3/userId' },
      { index: 4, code: 'unknown_type', path: '/batch/4/type' },
      { index: 5, code: 'invalid_request', path: '/batch/5' },
      { index: 6, code: 'payload_too_large', path: '/batch/6' },
    ]);
  });

  it('throws 400 with the rejections when no event is valid', () => {
    const error = thrown(() => normalizeRequest('v1/batch', { batch: [{ type: 'track' }, 3] }, testContext()));
    expect([error.status, error.code]).toEqual(['bad_request', 'invalid_request']);
    expect((error.details?.['rejected'] as unknown[]).length).toBe(2);
  });

  it('throws 413 above 2,500 events, 400 for a malformed envelope', () => {
    const big = { batch: Array.from({ length: 2501 }, () => ({ type: 'track', userId: 'u', event: 'E' })) };
    expect(thrown(() => normalizeRequest('v1/batch', big, testContext())).status).toBe('payload_too_large');
    expect(thrown(() => normalizeRequest('v1/batch', { batch: {} }, testContext())).details).toEqual({ path: '/batch' });
    expect(thrown(() => normalizeRequest('v1/batch', [], testContext())).code).toBe('invalid_request');
    expect(thrown(() => normalizeRequest('v1/batch', {}, testContext())).code).toBe('missing_field');
  });

  it('accepts exactly 2,500 events', () => {
    const body = { batch: Array.from({ length: 2500 }, (_, i) => ({ type: 'track', userId: `u${i}`, event: 'E' })) };
    expect(normalizeRequest('v1/batch', body, testContext()).events).toHaveLength(2500);
  });
});
