import type { IngestEvent } from '@coil/domain';
import { utcDay } from './utc-day';

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
