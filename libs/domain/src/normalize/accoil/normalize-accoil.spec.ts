import { normalizeRequest } from '../../ingest/normalize-request';
import { RECEIVED_AT, testContext, thrown } from '../../ingest/testing/normalize-test-context';

const receivedAt = RECEIVED_AT.toISOString();

describe('Accoil REST v2', () => {
  it('POST /v2/track with the docs example', () => {
    const result = normalizeRequest('v2/track', { userId: 'user_12345', event: 'Report_Created' }, testContext());
    expect(result).toEqual({
      events: [{ type: 'track', messageId: 'gen-1', userId: 'user_12345', event: 'Report_Created', timestamp: receivedAt, receivedAt }],
      rejected: [],
    });
  });

  it('POST /v2/identify with groupId records traits and the membership', () => {
    const body = { userId: 'user_12345', groupId: 'acc_1', traits: { email: 'a@b.c', role: null }, timestamp: '2026-03-09T08:00:00Z' };
    expect(normalizeRequest('v2/identify', body, testContext()).events).toEqual([
      {
        type: 'identify',
        messageId: 'gen-1',
        userId: 'user_12345',
        groupId: 'acc_1',
        traits: { email: 'a@b.c', role: null },
        timestamp: '2026-03-09T08:00:00.000Z',
        receivedAt,
      },
    ]);
  });

  it('POST /v2/group with and without userId', () => {
    const body = { groupId: 'acc_1', traits: { name: 'Acme', mrr: 129900 } };
    expect(normalizeRequest('v2/group', body, testContext()).events[0]).toEqual({
      type: 'group',
      messageId: 'gen-1',
      groupId: 'acc_1',
      traits: { name: 'Acme', mrr: 129900 },
      timestamp: receivedAt,
      receivedAt,
    });
    expect(normalizeRequest('v2/group', { ...body, userId: 'u' }, testContext()).events[0]?.userId).toBe('u');
  });

  it.each([
    ['v2/track', { userId: 'u' }, 'missing_field', '/event'],
    ['v2/track', { event: 'E' }, 'missing_field', '/userId'],
    ['v2/identify', { traits: {} }, 'missing_field', '/userId'],
    ['v2/identify', { userId: 'u', traits: 'vip' }, 'invalid_type', '/traits'],
    ['v2/group', { userId: 'u' }, 'missing_field', '/groupId'],
    ['v2/group', { groupId: true }, 'invalid_type', '/groupId'],
    ['v2/track', { userId: 'u', event: 'E', timestamp: '10/03/2026' }, 'invalid_type', '/timestamp'],
    ['v2/track', 'userId=u', 'invalid_request', ''],
  ] as const)('%s %j -> %s at %s', (route, body, code, path) => {
    const error = thrown(() => normalizeRequest(route, body, testContext()));
    expect([error.status, error.code, error.details]).toEqual(['bad_request', code, { path }]);
  });
});

describe('Accoil legacy v1', () => {
  it('POST /v1/events with the docs example', () => {
    const body = { api_key: '...', timestamp: 1500000000000, user_id: 'user_12345', event: 'Report_Created' };
    expect(normalizeRequest('v1/events', body, testContext()).events).toEqual([
      {
        type: 'track',
        messageId: 'gen-1',
        userId: 'user_12345',
        event: 'Report_Created',
        timestamp: '2017-07-14T02:40:00.000Z',
        receivedAt,
      },
    ]);
  });

  it('POST /v1/users is an identify, with group_id a membership', () => {
    const body = { api_key: 'k', timestamp: 1500000000000, user_id: 42, group_id: 'acc_1', traits: { name: 'Ann' } };
    expect(normalizeRequest('v1/users', body, testContext()).events).toEqual([
      {
        type: 'identify',
        messageId: 'gen-1',
        userId: '42',
        groupId: 'acc_1',
        traits: { name: 'Ann' },
        timestamp: '2017-07-14T02:40:00.000Z',
        receivedAt,
      },
    ]);
  });

  it('POST /v1/groups is a group, with user_id a membership', () => {
    const body = { api_key: 'k', timestamp: 1500000000000, group_id: 'acc_1', user_id: 'u', traits: { plan: 'pro' } };
    expect(normalizeRequest('v1/groups', body, testContext()).events).toEqual([
      {
        type: 'group',
        messageId: 'gen-1',
        groupId: 'acc_1',
        userId: 'u',
        traits: { plan: 'pro' },
        timestamp: '2017-07-14T02:40:00.000Z',
        receivedAt,
      },
    ]);
  });

  it.each([
    ['v1/events', { timestamp: 1, user_id: 'u', event: 'E' }, 'missing_field', '/api_key'],
    ['v1/events', { api_key: 'k', user_id: 'u', event: 'E' }, 'missing_field', '/timestamp'],
    ['v1/events', { api_key: 'k', timestamp: '2026-03-10T00:00:00Z', user_id: 'u', event: 'E' }, 'invalid_type', '/timestamp'],
    ['v1/events', { api_key: 'k', timestamp: 1.5, user_id: 'u', event: 'E' }, 'invalid_type', '/timestamp'],
    ['v1/events', { api_key: 'k', timestamp: -1, user_id: 'u', event: 'E' }, 'invalid_type', '/timestamp'],
    ['v1/users', { api_key: 'k', timestamp: 1 }, 'missing_field', '/user_id'],
    ['v1/groups', { api_key: 'k', timestamp: 1, user_id: 'u' }, 'missing_field', '/group_id'],
  ] as const)('%s %j -> %s at %s', (route, body, code, path) => {
    const error = thrown(() => normalizeRequest(route, body, testContext()));
    expect([error.status, error.code, error.details]).toEqual(['bad_request', code, { path }]);
  });

  it('clamps a legacy timestamp far in the future', () => {
    const body = { api_key: 'k', timestamp: RECEIVED_AT.getTime() + 3 * 86_400_000, user_id: 'u', event: 'E' };
    expect(normalizeRequest('v1/events', body, testContext()).events[0]?.timestamp).toBe(receivedAt);
  });
});
