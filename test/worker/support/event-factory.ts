import { randomUUID } from 'node:crypto';
import type { IngestEvent } from '@coil/domain';

type EventFields = Partial<IngestEvent> & Pick<IngestEvent, 'type'>;

/** An IngestEvent as the ingest would queue it; fields default to a fresh messageId and now. */
export function ingestEvent(fields: EventFields): IngestEvent {
  const now = new Date().toISOString();
  return { messageId: randomUUID(), timestamp: now, receivedAt: now, ...fields };
}

export function track(userId: string, event: string, timestamp: string, extra: Partial<IngestEvent> = {}): IngestEvent {
  return ingestEvent({ type: 'track', userId, event, timestamp, ...extra });
}

export interface GeneratedStream {
  events: IngestEvent[];
  /** Expected count per `${userId}|${groupId ?? ''}|${event}|${day}`. */
  expected: Map<string, number>;
  total: number;
}

/** A deterministic stream of track events over users, accounts, event names and days. */
export function generateTrackStream(size: number, users: number, accounts: number, events: number, days: number): GeneratedStream {
  const stream: IngestEvent[] = [];
  const expected = new Map<string, number>();
  for (let i = 0; i < size; i += 1) {
    const user = `user-${i % users}`;
    // Every third event names no account: it is counted under account 0.
    const groupId = i % 3 === 0 ? undefined : `acct-${(i * 7) % accounts}`;
    const name = `Event ${(i * 13) % events}`;
    const day = `2026-10-${String(1 + ((i * 31) % days)).padStart(2, '0')}`;
    const timestamp = `${day}T${String(i % 24).padStart(2, '0')}:15:00.000Z`;
    stream.push(track(user, name, timestamp, groupId ? { groupId } : {}));
    const key = `${user}|${groupId ?? ''}|${name}|${day}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  return { events: stream, expected, total: size };
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
