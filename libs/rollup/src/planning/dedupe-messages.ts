import type { IngestEvent } from '@coil/domain';

/** The first event of each messageId in a batch; a repeat inside one batch counts once too. */
export function firstOfEachMessage(events: IngestEvent[]): IngestEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    if (seen.has(event.messageId)) return false;
    seen.add(event.messageId);
    return true;
  });
}
