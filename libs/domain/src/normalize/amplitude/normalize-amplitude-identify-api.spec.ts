import { normalizeRequest } from '../../ingest/normalize-request';
import { amplitudeNodeBody } from '../../ingest/testing/client-fixtures';
import { RECEIVED_AT, testContext, thrown } from '../../ingest/testing/normalize-test-context';
import { flattenAmplitudeProperties } from './flatten-amplitude-properties';

const receivedAt = RECEIVED_AT.toISOString();
const now = { timestamp: receivedAt, receivedAt };
const form = (identification: unknown) => ({
  api_key: 'k',
  identification: typeof identification === 'string' ? identification : JSON.stringify(identification),
});

describe('Amplitude property operations', () => {
  it('sets plain keys and $set, unsets $unset (object or list), and keeps $setOnce apart', () => {
    const changes = flattenAmplitudeProperties(
      { plain: 1, $set: { plan: 'pro', plain: 2 }, $setOnce: { first: 'a', plan: 'x', gone: 'y' }, $unset: ['gone'], $add: { n: 1 } },
      '/user_properties',
    );
    expect(changes).toEqual({ traits: { plain: 2, plan: 'pro', gone: null }, traitsIfAbsent: { first: 'a' } });
    expect(flattenAmplitudeProperties({ $unset: { old: '-' } }, '')).toEqual({ traits: { old: null }, traitsIfAbsent: {} });
  });

  it('refuses a forbidden key inside $setOnce with its path', () => {
    const error = thrown(() =>
      flattenAmplitudeProperties({ $setOnce: JSON.parse('{"__proto__": 1}') as Record<string, unknown> }, '/user_properties'),
    );
    expect(error.details).toMatchObject({ path: expect.stringMatching(/^\/user_properties/) });
  });
});

describe('POST /batch (Batch Event Upload API)', () => {
  it('reads the HTTP API v2 body exactly as /2/httpapi does', () => {
    expect(normalizeRequest('batch', amplitudeNodeBody, testContext())).toEqual(
      normalizeRequest('2/httpapi', amplitudeNodeBody, testContext()),
    );
  });
});

describe('POST /identify (Identify API)', () => {
  it('turns one identification (form JSON text) into the identify of /2/httpapi $identify', () => {
    const body = form({
      user_id: 'u1',
      device_id: 'd1',
      user_properties: { $set: { plan: 'pro' }, $setOnce: { first_plan: 'trial' }, $unset: { legacy: '-' }, $append: { tags: 'x' } },
      groups: { org: ['acc_b', 'acc_a'] },
      event_properties: { secret: 1 },
      time: 1,
    });
    expect(normalizeRequest('identify', body, testContext())).toEqual({
      events: [
        {
          type: 'identify',
          messageId: 'gen-1',
          userId: 'u1',
          anonymousId: 'd1',
          groupId: 'acc_a',
          traits: { plan: 'pro', legacy: null },
          traitsIfAbsent: { first_plan: 'trial' },
          ...now,
        },
      ],
      rejected: [],
    });
  });

  it('accepts an array (batch semantics, rejections by index), a JSON body and insert_id as the dedupe key', () => {
    const items = [{ user_id: 'u1', insert_id: 'i-1', user_properties: { a: 1 } }, { user_properties: { a: 1 } }];
    const fromForm = normalizeRequest('identify', form(items), testContext());
    expect(fromForm.events).toEqual([{ type: 'identify', messageId: 'i-1', userId: 'u1', traits: { a: 1 }, ...now }]);
    expect(fromForm.rejected).toEqual([expect.objectContaining({ index: 1, code: 'missing_field', path: '/identification/1/user_id' })]);
    expect(normalizeRequest('identify', { identification: items }, testContext())).toEqual(fromForm);
  });

  it('refuses a missing identification, text that is not JSON or not an object, and names the field', () => {
    expect(thrown(() => normalizeRequest('identify', { api_key: 'k' }, testContext()))).toMatchObject({
      code: 'missing_field',
      details: { path: '/identification' },
    });
    expect(thrown(() => normalizeRequest('identify', form('{"user_id":'), testContext()))).toMatchObject({
      status: 'bad_request',
      code: 'invalid_json',
      details: { path: '/identification' },
    });
    expect(thrown(() => normalizeRequest('identify', form('"u1"'), testContext())).code).toBe('invalid_type');
    expect(thrown(() => normalizeRequest('identify', form({ user_properties: {} }), testContext()))).toMatchObject({
      code: 'missing_field',
      details: { path: '/identification/user_id' },
    });
    expect(
      thrown(() => normalizeRequest('identify', form({ user_id: 'u', user_properties: { $set: 'x' } }), testContext())).details,
    ).toEqual({
      path: '/identification/user_properties/$set',
    });
  });

  it('drops __proto__ keys of the JSON text instead of refusing or obeying them', () => {
    const { events } = normalizeRequest(
      'identify',
      form('{"user_id":"u","__proto__":{"user_id":"x"},"user_properties":{"a":1}}'),
      testContext(),
    );
    expect(events).toEqual([expect.objectContaining({ userId: 'u', traits: { a: 1 } })]);
    expect(({} as Record<string, unknown>)['user_id']).toBeUndefined();
  });

  it('holds each identification to the event size limit', () => {
    const big = { user_id: 'u', user_properties: { blob: 'x'.repeat(40_000) } };
    expect(thrown(() => normalizeRequest('identify', form(big), testContext())).status).toBe('payload_too_large');
    expect(normalizeRequest('identify', form([big, { user_id: 'u' }]), testContext()).rejected).toEqual([
      expect.objectContaining({ index: 0, code: 'payload_too_large', path: '/identification/0' }),
    ]);
  });
});

describe('POST /groupidentify (Group Identify API)', () => {
  it('makes group_value the account and group_properties its traits, group_type kept as a trait, no user', () => {
    const body = form({
      group_type: 'org',
      group_value: 'acc_a',
      group_properties: { $set: { name: 'Acme' }, $setOnce: { signed_up: '2026-01-01' }, $unset: ['legacy'], $add: { seats: 1 } },
    });
    expect(normalizeRequest('groupidentify', body, testContext()).events).toEqual([
      {
        type: 'group',
        messageId: 'gen-1',
        groupId: 'acc_a',
        traits: { name: 'Acme', legacy: null, group_type: 'org' },
        traitsIfAbsent: { signed_up: '2026-01-01' },
        ...now,
      },
    ]);
  });

  it('takes numeric group values and arrays, and refuses what names no account', () => {
    const { events, rejected } = normalizeRequest(
      'groupidentify',
      form([{ group_type: 'org', group_value: 42 }, { group_type: 'org' }, { group_value: 'g' }, { group_type: '', group_value: 'g' }]),
      testContext(),
    );
    expect(events).toEqual([{ type: 'group', messageId: 'gen-1', groupId: '42', traits: { group_type: 'org' }, ...now }]);
    expect(rejected.map(({ index, path }) => [index, path])).toEqual([
      [1, '/identification/1/group_value'],
      [2, '/identification/2/group_type'],
      [3, '/identification/3/group_type'],
    ]);
  });
});
