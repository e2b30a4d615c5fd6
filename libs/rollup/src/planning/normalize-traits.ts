import type { Traits } from '@coil/domain';

const CREATED_AT_KEYS = ['createdAt', 'created_at'] as const;
// Below this a Unix time is in seconds (1e11 s is the year 5138; 1e11 ms is 1973).
const SECONDS_LIMIT = 1e11;

function parseTime(value: unknown): string | undefined {
  const numeric = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  const time = Number.isFinite(numeric)
    ? numeric < SECONDS_LIMIT
      ? numeric * 1000
      : numeric
    : typeof value === 'string'
      ? Date.parse(value)
      : NaN;
  if (!Number.isFinite(time)) return undefined;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * Stores the creation time under one key, `createdAt`, as ISO-8601 UTC, so that filters and the
 * read API compare one format. An unparseable value is kept as sent rather than lost.
 */
export function normalizeTraits(traits: Traits): Traits {
  const sent = CREATED_AT_KEYS.find((key) => key in traits);
  if (sent === undefined) return traits;
  const { createdAt, created_at, ...rest } = traits;
  const value = createdAt !== undefined ? createdAt : created_at;
  if (value === null) return { ...rest, createdAt: null };
  return { ...rest, createdAt: parseTime(value) ?? value };
}

export interface AccountColumns {
  name: string | null;
  domain: string | null;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** The account columns mirrored from traits, so that lookups by name or domain use an index. */
export function accountColumns(traits: Traits): AccountColumns {
  return { name: text(traits.name), domain: text(traits.domain) };
}
