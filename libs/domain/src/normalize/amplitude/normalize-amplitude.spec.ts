import { normalizeRequest } from '../../ingest/normalize-request';
import { amplitudeNodeBody } from '../../ingest/testing/client-fixtures';
import { PROPERTY_SENTINEL, RECEIVED_AT, testContext, thrown } from '../../ingest/testing/normalize-test-context';
import { primaryAmplitudeGroup } from './primary-amplitude-group';

const receivedAt = RECEIVED_AT.toISOString();

describe('POST /2/httpapi (@amplitude/analytics-node)', () => {
  it('turns track, identify, groupIdentify and setGroup into IngestEvents', () => {
    const { events, rejected } = normalizeRequest('2/httpapi', amplitudeNodeBody, testContext());
    expect(rejected).toEqual([]);
    const user = { userId: 'user_1', receivedAt };
    const first = { ...user, anonymousId: 'dev_1', groupId: 'acc_a', timestamp: '2026-03-10T11:59:00.000Z' };
    expect(events).toEqual([
      { ...first, type: 'track', messageId: 'ins-1', event: 'Report Created' },
      { ...first, type: 'identify', messageId: 'ins-1:identify', traits: { plan: 'pro', old: null } },
      { ...first, type: 'group', messageId: 'ins-1:group:acc_a', traits: { name: 'Acme', group_type: 'account' } },
      {
        ...user,
        type: 'identify',
        messageId: '91c86d4b-aac8-4a3f-a31e-a795a7c35d4c',
        traits: { email: 'a@b.c', gone: null },
        traitsIfAbsent: { first: 1 },
        timestamp: '2026-03-10T11:59:00.002Z',
      },
      {
        ...user,
        type: 'group',
        messageId: '1a590535-9713-41e4-babe-9321b65e2c35',
        groupId: 'acc_a',
        traits: { plan: 'pro', group_type: 'account' },
        timestamp: '2026-03-10T11:59:00.003Z',
      },
      {
        ...user,
        type: 'identify',
        messageId: '430f643d-7fb7-4efd-bd06-491d36329da8',
        groupId: 'acc_a',
        traits: { account: 'acc_a' },
        timestamp: '2026-03-10T11:59:00.004Z',
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(PROPERTY_SENTINEL);
    expect(JSON.stringify(events)).not.toContain('event_properties');
  });

  it('derives the same messageIds on a retry, and distinct ones per derived event', () => {
    const once = normalizeRequest('2/httpapi', amplitudeNodeBody, testContext()).events.map((e) => e.messageId);
    const again = normalizeRequest('2/httpapi', amplitudeNodeBody, testContext()).events.map((e) => e.messageId);
    expect(again).toEqual(once);
    expect(new Set(once).size).toBe(once.length);
  });

  it('derives ids from a generated one when insert_id is missing', () => {
    const body = {
      events: [{ event_type: 'E', device_id: 'd', user_properties: { plan: 'pro' }, groups: { account: 'a' }, group_properties: { x: 1 } }],
    };
    expect(normalizeRequest('2/httpapi', body, testContext()).events.map((e) => e.messageId)).toEqual([
      'gen-1',
      'gen-1:identify',
      'gen-1:group:a',
    ]);
  });

  it('keeps valid events and lists invalid ones with their index and path', () => {
    const body = {
      api_key: 'k',
      events: [{ event_type: 'E', user_id: 'u' }, { event_type: 'E' }, { user_id: 'u' }, { event_type: 'E', user_id: 'u', time: '12:00' }],
    };
    const { events, rejected } = normalizeRequest('2/httpapi', body, testContext());
    expect(events).toHaveLength(1);
    expect(rejected.map(({ index, code, path }) => ({ index, code, path }))).toEqual([
      { index: 1, code: 'missing_field', path: '/events/1/user_id' },
      { index: 2, code: 'missing_field', path: '/events/2/event_type' },
      { index: 3, code: 'invalid_type', path: '/events/3/time' },
    ]);
    expect(rejected[0]?.message).toBe('one of user_id, device_id is required');
  });

  it('throws 400 for a malformed envelope and 413 for too many events', () => {
    expect(thrown(() => normalizeRequest('2/httpapi', { api_key: 'k' }, testContext())).details).toEqual({ path: '/events' });
    expect(thrown(() => normalizeRequest('2/httpapi', { events: 'E' }, testContext())).code).toBe('invalid_type');
    const many = { events: Array.from({ length: 2501 }, () => ({ event_type: 'E', user_id: 'u' })) };
    expect(thrown(() => normalizeRequest('2/httpapi', many, testContext())).status).toBe('payload_too_large');
  });

  it('refuses a $groupidentify that names no group', () => {
    const noGroups = { events: [{ event_type: '$groupidentify', user_id: 'u', group_properties: { a: 1 } }] };
    expect((thrown(() => normalizeRequest('2/httpapi', noGroups, testContext())).details?.['rejected'] as unknown[])[0]).toMatchObject({
      code: 'missing_field',
      path: '/events/0/groups',
    });
    const emptyGroups = { events: [{ event_type: '$groupidentify', user_id: 'u', groups: { account: [] } }] };
    expect(thrown(() => normalizeRequest('2/httpapi', emptyGroups, testContext())).code).toBe('invalid_request');
  });

  it('drops property operations without a plain-trait meaning', () => {
    const body = { events: [{ event_type: 'E', user_id: 'u', user_properties: { $add: { logins: 1 }, $clearAll: '-' } }] };
    expect(normalizeRequest('2/httpapi', body, testContext()).events.map((e) => e.type)).toEqual(['track']);
  });
});

describe('Amplitude primary group', () => {
  it('sorts every group id of every type ascending and takes the first', () => {
    expect(primaryAmplitudeGroup({ workspace: 'z', account: ['m', 'c'], org: 'd' })).toEqual({ groupType: 'account', groupId: 'c' });
    expect(primaryAmplitudeGroup({ account: [10, 9] })).toEqual({ groupType: 'account', groupId: '10' });
    expect(primaryAmplitudeGroup({})).toBeUndefined();
    expect(primaryAmplitudeGroup(undefined)).toBeUndefined();
  });

  it('attributes an event with groups alone', () => {
    const body = { event_type: 'E', user_id: 'u', groups: { account: ['acc_9', 'acc_10'] } };
    const { events } = normalizeRequest('amplitude', body, testContext());
    expect(events).toEqual([
      { type: 'track', messageId: 'gen-1', userId: 'u', groupId: 'acc_10', event: 'E', timestamp: receivedAt, receivedAt },
    ]);
  });
});

describe('POST /amplitude', () => {
  it('accepts a single Amplitude event, anonymous with device_id only', () => {
    const body = { event_type: 'Opened', device_id: 'dev_1', time: 1773143940000, event_properties: { x: PROPERTY_SENTINEL } };
    const result = normalizeRequest('amplitude', body, testContext());
    expect(result.events).toEqual([
      { type: 'track', messageId: 'gen-1', anonymousId: 'dev_1', event: 'Opened', timestamp: '2026-03-10T11:59:00.000Z', receivedAt },
    ]);
    expect(JSON.stringify(result)).not.toContain(PROPERTY_SENTINEL);
  });

  it('turns the Accoil-shaped event into one group event per groupTraits entry plus the main event', () => {
    const body = {
      type: 'track',
      event: 'Report Created',
      userId: 'u1',
      messageId: 'm1',
      timestamp: '2026-03-10T11:00:00.000Z',
      properties: { secret: PROPERTY_SENTINEL },
      groupTraits: [
        { groupId: 'acc_b', traits: { name: 'B', group_type: 'account' } },
        { groupId: 'acc_a', traits: { name: 'A' }, group_type: 'account' },
      ],
    };
    const shared = { userId: 'u1', timestamp: '2026-03-10T11:00:00.000Z', receivedAt };
    const { events } = normalizeRequest('amplitude', body, testContext());
    expect(events).toEqual([
      { ...shared, type: 'group', messageId: 'm1:group:acc_b', groupId: 'acc_b', traits: { name: 'B', group_type: 'account' } },
      { ...shared, type: 'group', messageId: 'm1:group:acc_a', groupId: 'acc_a', traits: { name: 'A', group_type: 'account' } },
      { ...shared, type: 'track', messageId: 'm1', groupId: 'acc_a', event: 'Report Created' },
    ]);
    expect(JSON.stringify(events)).not.toContain(PROPERTY_SENTINEL);
  });

  it('defaults the Accoil-shaped type to track and requires a userId', () => {
    expect(normalizeRequest('amplitude', { event: 'E', userId: 'u' }, testContext()).events[0]).toMatchObject({
      type: 'track',
      event: 'E',
    });
    const error = thrown(() => normalizeRequest('amplitude', { event: 'E', anonymousId: 'a' }, testContext()));
    expect([error.code, error.details]).toEqual(['missing_field', { path: '/userId' }]);
  });

  it('gives an array body batch semantics', () => {
    const { events, rejected } = normalizeRequest('amplitude', [{ event_type: 'E', user_id: 'u' }, { event: 'E' }], testContext());
    expect(events).toHaveLength(1);
    expect(rejected).toEqual([{ index: 1, code: 'missing_field', message: 'userId is required', path: '/1/userId' }]);
  });

  it('gives an {events: [...]} body batch semantics', () => {
    const { events } = normalizeRequest('amplitude', { events: [{ event_type: 'E', user_id: 'u' }] }, testContext());
    expect(events).toHaveLength(1);
  });
});
