import type { IngestEvent } from '@coil/domain';

/** An event the worker can never apply, whatever the database state: it goes to the dead-letter queue. */
export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** The external id an event is about: its userId, or its anonymousId for anonymous-only calls. */
export function subjectId(event: IngestEvent): string | undefined {
  return event.userId || event.anonymousId || undefined;
}

// The ingest already sends ISO-8601 UTC; slicing skips a Date allocation per event on the hot path.
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T[^+]*Z$/;

/** The UTC calendar day (YYYY-MM-DD) an event timestamp falls on. */
export function utcDay(timestamp: string): string {
  if (ISO_UTC.test(timestamp)) return timestamp.slice(0, 10);
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) throw new InvalidEventError(`timestamp is not a date: "${timestamp}"`);
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Why an event cannot be rolled up, or null when it can. The ingest validates too; this guards
 * against older producers and hand-made jobs, so that one bad event never fails a whole batch.
 */
export function invalidEventReason(event: IngestEvent): string | null {
  if (typeof event.messageId !== 'string' || event.messageId === '') return 'messageId is missing';
  try {
    utcDay(event.timestamp);
  } catch (error) {
    return (error as Error).message;
  }
  switch (event.type) {
    case 'track':
      if (!event.event) return 'track without an event name';
      return event.userId || event.anonymousId ? null : 'track without userId or anonymousId';
    case 'identify':
      return event.userId || event.anonymousId ? null : 'identify without userId or anonymousId';
    case 'group':
      return event.groupId ? null : 'group without groupId';
    case 'alias':
      return event.userId && event.previousId ? null : 'alias without userId and previousId';
    default:
      return `unknown event type "${String((event as { type: unknown }).type)}"`;
  }
}

/** The first event of each messageId in a batch; a repeat inside one batch counts once too. */
export function firstOfEachMessage(events: IngestEvent[]): IngestEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    if (seen.has(event.messageId)) return false;
    seen.add(event.messageId);
    return true;
  });
}
