import { randomUUID } from 'node:crypto';

/** A Segment track call as it travels over HTTP (the /v1/batch item shape). */
export interface WireTrack {
  type: 'track';
  messageId: string;
  userId: string;
  event: string;
  timestamp: string;
  context?: { groupId: string };
}

export interface WireStream {
  events: WireTrack[];
  /** Expected daily count per `${userId}|${groupId or ''}|${event}|${day}` (countsByKey's keys). */
  expected: Map<string, number>;
}

const DAY_MS = 86_400_000;

/**
 * Deterministic track calls over users, accounts, names and the last `days` UTC days. Past
 * days only: the ingest clamps events more than a day ahead to the time they arrive, which
 * would move them off the day the expectation names.
 */
export function generateWireStream(size: number, users: number, accounts: number, names: number, days: number): WireStream {
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const events: WireTrack[] = [];
  const expected = new Map<string, number>();
  for (let i = 0; i < size; i += 1) {
    const userId = `user-${i % users}`;
    // Every third call names no account: the worker counts it under account 0.
    const groupId = i % 3 === 0 ? undefined : `acct-${(i * 7) % accounts}`;
    const event = `Event ${(i * 13) % names}`;
    const dayStart = today - (1 + ((i * 31) % days)) * DAY_MS;
    const day = new Date(dayStart).toISOString().slice(0, 10);
    const timestamp = new Date(dayStart + (i % 24) * 3_600_000).toISOString();
    events.push({ type: 'track', messageId: randomUUID(), userId, event, timestamp, ...(groupId ? { context: { groupId } } : {}) });
    const key = `${userId}|${groupId ?? ''}|${event}|${day}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  return { events, expected };
}
