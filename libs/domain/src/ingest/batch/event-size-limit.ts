import { eventTooLarge, MAX_EVENT_BYTES } from '../ingest-limits';
import { jsonByteSize } from './json-byte-size';

/** Throws eventTooLarge() when one event's JSON exceeds MAX_EVENT_BYTES. */
export function assertEventSize(event: unknown): void {
  const size = jsonByteSize(event);
  if (size !== undefined && size <= MAX_EVENT_BYTES) return;
  throw eventTooLarge();
}
