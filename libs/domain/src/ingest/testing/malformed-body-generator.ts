/**
 * Deterministic generator of hostile request bodies for the fuzz test: wrong types, deep
 * nesting, huge and odd strings, prototype keys, NaN-like numbers, arrays for objects, and
 * valid client bodies with one field swapped for garbage.
 */
import type { Random } from './seeded-random';

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const HUGE = 'x'.repeat(200_000);
const HUGE_UNICODE = '😀é\u202e'.repeat(20_000);

const KEYS = [
  'type',
  'userId',
  'anonymousId',
  'groupId',
  'previousId',
  'messageId',
  'event',
  'name',
  'traits',
  'timestamp',
  'sentAt',
  'receivedAt',
  'context',
  'properties',
  'batch',
  'writeKey',
  'api_key',
  'user_id',
  'group_id',
  'events',
  'event_type',
  'device_id',
  'time',
  'insert_id',
  'groups',
  'user_properties',
  'group_properties',
  'groupTraits',
  '$set',
  '$setOnce',
  '$unset',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  '😀',
] as const;

const STRINGS = [
  '',
  ' ',
  'identify',
  'track',
  'page',
  'screen',
  'group',
  'alias',
  '$identify',
  '$groupidentify',
  'u1',
  '0',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  '2026-03-10T12:00:00Z',
  '2026-13-45T99:99:99Z',
  '+275760-09-13T00:00:00Z',
  '2026-03-10T23:59:60Z',
  '9999-12-31T23:59:59+23:59',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '😀',
  '\u202e\u200b',
  '__proto__',
  '{"a":1}',
  '[object Object]',
  HUGE,
  HUGE_UNICODE,
] as const;

const NUMBERS = [0, -0, 1, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 1e21, -8.64e15, 8.64e15 + 1, 1500000000000] as const;

export function randomValue(random: Random, depth: number): unknown {
  const roll = random();
  if (depth <= 0 || roll < 0.35) return randomScalar(random);
  if (roll < 0.6) return randomObject(random, depth - 1);
  if (roll < 0.8) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth - 1));
  if (roll < 0.82) return deeplyNested(random, 1_000 + Math.floor(random() * 20_000));
  if (roll < 0.9) return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
  return Object.assign(Object.create(null) as object, randomObject(random, depth - 1));
}

function randomScalar(random: Random): unknown {
  const roll = random();
  if (roll < 0.4) return pick(random, STRINGS);
  if (roll < 0.7) return pick(random, NUMBERS);
  if (roll < 0.8) return random() < 0.5;
  if (roll < 0.9) return null;
  if (roll < 0.95) return undefined;
  return random() < 0.5 ? BigInt(7) : Symbol('s');
}

function randomObject(random: Random, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const count = Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    // defineProperty, so `__proto__` becomes an own key as JSON.parse would make it.
    Object.defineProperty(object, pick(random, KEYS), {
      value: randomValue(random, depth),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return object;
}

/** Nesting deep enough to exhaust recursive code (JSON.stringify, naive walkers). */
export function deeplyNested(random: Random, depth: number): unknown {
  let value: unknown = random() < 0.5 ? 'leaf' : {};
  for (let i = 0; i < depth; i++) value = random() < 0.5 ? [value] : { traits: value };
  return value;
}

/** A valid body with one field replaced, removed or wrapped, to reach the deeper code paths. */
export function mutateBody(random: Random, body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return randomValue(random, 3);
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const key = random() < 0.7 && keys.length > 0 ? pick(random, keys) : pick(random, KEYS);
  const roll = random();
  if (roll < 0.2) delete copy[key];
  else if (roll < 0.4) copy[key] = [copy[key]];
  else if (roll < 0.5)
    copy[key] = Array.isArray(copy[key]) ? (copy[key] as unknown[]).map((item) => mutateBody(random, item)) : mutateBody(random, copy[key]);
  else Object.defineProperty(copy, key, { value: randomValue(random, 3), enumerable: true, configurable: true, writable: true });
  return copy;
}
