import { CoilError } from '../errors';
import type { IngestEvent } from '../ingest-event';
import { INGEST_ROUTES, type IngestRoute } from './ingest-routes';
import { normalizeRequest } from './normalize-request';
import { amplitudeNodeBody, analyticsNodeBatch, fullSegmentTrackEvent, segmentDestination } from './testing/client-fixtures';
import { deeplyNested, mutateBody, randomValue } from './testing/malformed-body-generator';
import { seededRandom } from './testing/seeded-random';
import { testContext } from './testing/normalize-test-context';

/** One valid body per route: mutations of these reach past the first schema check. */
const VALID_BODIES: Record<IngestRoute, unknown> = {
  segment: segmentDestination.identify,
  'v1/identify': { userId: 'u', traits: { a: 1 } },
  'v1/track': fullSegmentTrackEvent,
  'v1/page': { userId: 'u', name: 'Home', sentAt: '2026-03-10T11:00:00Z', timestamp: '2026-03-10T10:00:00Z' },
  'v1/screen': { anonymousId: 'a', name: 'Home' },
  'v1/group': { userId: 'u', groupId: 'g', traits: { plan: 'pro' } },
  'v1/alias': { userId: 'u', previousId: 'a' },
  'v1/batch': analyticsNodeBatch,
  'v2/identify': { userId: 'u', groupId: 'g', traits: { a: 1 } },
  'v2/group': { groupId: 'g', userId: 'u', traits: { a: 1 } },
  'v2/track': { userId: 'user_12345', event: 'Report_Created' },
  'v1/users': { api_key: 'k', timestamp: 1500000000000, user_id: 'u', traits: {} },
  'v1/groups': { api_key: 'k', timestamp: 1500000000000, group_id: 'g' },
  'v1/events': { api_key: 'k', timestamp: 1500000000000, user_id: 'user_12345', event: 'Report_Created' },
  amplitude: { event: 'E', userId: 'u', groupTraits: [{ groupId: 'g', traits: { a: 1 } }] },
  '2/httpapi': amplitudeNodeBody,
  batch: amplitudeNodeBody,
  // As the form parser hands them over: identification is JSON text.
  identify: {
    api_key: 'k',
    identification: JSON.stringify({ user_id: 'u', user_properties: { $set: { a: 1 }, $setOnce: { b: 2 }, $unset: { c: '-' } } }),
  },
  groupidentify: {
    api_key: 'k',
    identification: JSON.stringify([
      { group_type: 'org', group_value: 'g', group_properties: { $set: { plan: 'pro' }, $setOnce: { first: 1 } } },
    ]),
  },
};

const BODIES_PER_ROUTE = 400;
const EVENT_TYPES = new Set(['identify', 'group', 'track', 'alias']);

/** What a client could have sent as a form field: generated values that JSON cannot hold become broken JSON. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '{"broken":';
  }
}

type Outcome = { kind: 'accepted' | 'refused' } | { kind: 'failure'; reason: string };

function outcomeOf(route: IngestRoute, body: unknown): Outcome {
  try {
    const result = normalizeRequest(route, body, testContext());
    if (!Array.isArray(result.events) || !Array.isArray(result.rejected)) return { kind: 'failure', reason: 'result without arrays' };
    const reason = result.events.map(invalidEventReason).find((r) => r !== undefined);
    return reason === undefined ? { kind: 'accepted' } : { kind: 'failure', reason };
  } catch (error) {
    if (error instanceof CoilError && !error.isServerFault()) return { kind: 'refused' };
    return { kind: 'failure', reason: `threw ${String(error)}` };
  }
}

function invalidEventReason(event: IngestEvent): string | undefined {
  if (!EVENT_TYPES.has(event.type)) return `bad type ${String(event.type)}`;
  if (typeof event.messageId !== 'string' || event.messageId === '') return 'bad messageId';
  if (Number.isNaN(Date.parse(event.timestamp)) || new Date(event.timestamp).toISOString() !== event.timestamp) return 'bad timestamp';
  if (event.userId === undefined && event.anonymousId === undefined && event.type !== 'group') return 'no user';
  if (event.traits !== undefined && (typeof event.traits !== 'object' || Array.isArray(event.traits))) return 'bad traits';
  if (event.traitsIfAbsent !== undefined && (typeof event.traitsIfAbsent !== 'object' || Array.isArray(event.traitsIfAbsent))) {
    return 'bad traitsIfAbsent';
  }
  return undefined;
}

describe('normalizeRequest under malformed input (fuzz)', () => {
  it.each(INGEST_ROUTES.map((r) => r.route))('%s answers a result or a 4xx CoilError, nothing else', (route) => {
    const random = seededRandom(route.length * 7919 + route.charCodeAt(route.length - 1));
    const failures: string[] = [];
    const counts = { accepted: 0, refused: 0 };
    for (let i = 0; i < BODIES_PER_ROUTE; i++) {
      const body = i % 2 === 0 ? randomValue(random, 4) : mutateBody(random, VALID_BODIES[route]);
      const outcome = outcomeOf(route, body);
      if (outcome.kind === 'failure') failures.push(`#${i}: ${outcome.reason}`);
      else counts[outcome.kind]++;
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // Both paths exercised: mutations that stay valid, and refusals.
    expect(counts.accepted).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(BODIES_PER_ROUTE / 4);
  });

  it('wraps bodies in batches too: items are rejected one by one, never crash the batch', () => {
    const random = seededRandom(42);
    const failures: string[] = [];
    for (let i = 0; i < 300; i++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        random() < 0.5 ? randomValue(random, 3) : mutateBody(random, segmentDestination.track),
      );
      for (const [route, body] of [
        ['v1/batch', { batch: items }],
        ['2/httpapi', { events: items }],
        ['batch', { events: items }],
        ['amplitude', items],
        ['identify', { identification: items }],
        ['groupidentify', { identification: jsonText(items) }],
      ] as const) {
        const outcome = outcomeOf(route, body);
        if (outcome.kind === 'failure') failures.push(`${route} #${i}: ${outcome.reason}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('refuses nesting deep enough to overflow JSON.stringify as too large, alone or in a batch', () => {
    const deep = deeplyNested(seededRandom(1), 1_000_000);
    expect(() => normalizeRequest('v2/identify', { userId: 'u', traits: deep }, testContext())).toThrow(
      expect.objectContaining({ status: 'payload_too_large', code: 'payload_too_large' }),
    );
    const batch = {
      batch: [
        { type: 'track', userId: 'u', event: 'E' },
        { type: 'identify', userId: 'u', traits: deep },
      ],
    };
    expect(normalizeRequest('v1/batch', batch, testContext()).rejected).toEqual([
      expect.objectContaining({ index: 1, code: 'payload_too_large', path: '/batch/1' }),
    ]);
  });

  it('reads form identifications as JSON text: garbage text, wrong JSON and mutated items are 4xx, never a crash', () => {
    const random = seededRandom(7);
    const failures: string[] = [];
    const texts = ['', '{', 'null', '"x"', '42', '[]', '{"user_id":', '{"__proto__":{"polluted":1},"user_id":"u"}', '%7B%7D', '\u0000'];
    for (let i = 0; i < 400; i++) {
      const item = i % 3 === 1 ? randomValue(random, 3) : mutateBody(random, { user_id: 'u', group_type: 't', group_value: 'g' });
      const text = i % 3 === 0 ? texts[i % texts.length] : jsonText(item);
      for (const route of ['identify', 'groupidentify'] as const) {
        const outcome = outcomeOf(route, { api_key: 'k', identification: text });
        if (outcome.kind === 'failure') failures.push(`${route} #${i}: ${outcome.reason}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('never pollutes Object.prototype', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts valid bodies (sanity check for the mutation seeds)', () => {
    for (const [route, body] of Object.entries(VALID_BODIES)) {
      expect(normalizeRequest(route as IngestRoute, body, testContext()).events.length).toBeGreaterThan(0);
    }
  });
});
