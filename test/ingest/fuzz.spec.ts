import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { INGEST_ROUTES } from '@coil/domain';
import { basicAuth, startIngest, type IngestHarness } from '../support/ingest-harness';

// Every path of the route table, analytics.js's short ones and its metrics sink included.
const ROUTES = [...INGEST_ROUTES.flatMap((info) => [info.path, ...info.aliases]), '/v1/m'];

/** A small deterministic PRNG, so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HOSTILE_STRINGS = ['', ' ', '\u0000', '\ud800', '🚀'.repeat(50), 'a'.repeat(40000), '__proto__', 'null', '{"', '\\'];
const FIELDS = [
  'type',
  'userId',
  'user_id',
  'groupId',
  'group_id',
  'event',
  'event_type',
  'traits',
  'timestamp',
  'time',
  'batch',
  'events',
  'messageId',
  'previousId',
  'sentAt',
  'groups',
  'context',
  'name',
  '__proto__',
  'constructor',
];

function value(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * 10);
  if (pick === 0) return HOSTILE_STRINGS[Math.floor(random() * HOSTILE_STRINGS.length)];
  if (pick === 1) return random() < 0.5 ? -1e308 : Number.MAX_SAFE_INTEGER * 10;
  if (pick === 2) return null;
  if (pick === 3) return random() < 0.5;
  if (pick === 4 && depth < 40) return [value(random, depth + 1), value(random, depth + 1)];
  if (pick === 5 && depth < 40) return body(random, depth + 1);
  if (pick === 6) return ['identify', 'group', 'track', 'page', 'screen', 'alias', 'bogus'][Math.floor(random() * 7)];
  if (pick === 7) return '2025-13-45T99:99:99Z';
  return Math.floor(random() * 1e6);
}

function body(random: () => number, depth = 0): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const count = Math.floor(random() * 6);
  for (let i = 0; i < count; i += 1) result[FIELDS[Math.floor(random() * FIELDS.length)]] = value(random, depth);
  return result;
}

/** A form as Amplitude's Identify APIs take it, or broken: identification garbage, odd escapes, repeated fields. */
function formPayload(random: () => number, apiKey: string): string {
  const kind = Math.floor(random() * 6);
  if (kind === 0) return '%%%&&&==%zz';
  if (kind === 1) return `api_key=${apiKey}&identification=${encodeURIComponent(rawPayload(random))}`;
  if (kind === 2)
    return `api_key=${apiKey}&identification=${encodeURIComponent(JSON.stringify([body(random), body(random)]))}&identification=`;
  if (kind === 3) return `__proto__=1&constructor=2&api_key=${apiKey}&identification=%7B%22user_id%22%3A%22u%22%7D`;
  if (kind === 4) return new URLSearchParams({ api_key: apiKey, identification: JSON.stringify(value(random, 0)) ?? '' }).toString();
  return rawPayload(random);
}

function rawPayload(random: () => number): string {
  const kind = Math.floor(random() * 8);
  if (kind === 0) return '{"unterminated": ';
  if (kind === 1) return '['.repeat(5000) + ']'.repeat(5000);
  if (kind === 2) return JSON.stringify(value(random, 0));
  if (kind === 3) return '{"a":1}garbage';
  if (kind === 4) return JSON.stringify({ batch: Array.from({ length: 3 }, () => body(random)) });
  if (kind === 5) return JSON.stringify({ events: Array.from({ length: 3 }, () => body(random)) });
  return JSON.stringify(body(random));
}

describe('fuzz: malformed bodies on every route', () => {
  let ingest: IngestHarness;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    ingest = await startIngest();
    app = ingest.app;
  });

  afterAll(async () => {
    await ingest.close();
  });

  it('forms, on the routes that take them and on the others, get only 2xx or 4xx with an error code', async () => {
    const random = prng(20261202);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 600; i += 1) {
      const url = i % 3 === 2 ? ROUTES[i % ROUTES.length] : ['/identify', '/groupidentify'][i % 2];
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formPayload(random, ingest.apiKey),
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500) throw new Error(`5xx on ${url}: ${response.body}`);
      if (response.statusCode >= 400) expect(response.json().error.code).toEqual(expect.any(String));
    }
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  });

  it('thousands of generated bodies get only 2xx or 4xx with an error code, never 5xx', async () => {
    const random = prng(20261126);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 3000; i += 1) {
      const response = await app.inject({
        method: 'POST',
        url: ROUTES[i % ROUTES.length],
        headers: {
          authorization: basicAuth(ingest.apiKey),
          'content-type': i % 17 === 0 ? 'text/html' : 'application/json',
        },
        payload: rawPayload(random),
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500) throw new Error(`5xx on ${ROUTES[i % ROUTES.length]}: ${response.body}`);
      if (response.statusCode >= 400) expect(response.json().error.code).toEqual(expect.any(String));
    }
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(1000);
  });
});
