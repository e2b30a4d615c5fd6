import { CoilError } from '../../errors';
import { MAX_EVENT_BYTES } from '../ingest-limits';
import { jsonByteSize } from './json-byte-size';

/** Throws 413 payload_too_large when one event's JSON exceeds MAX_EVENT_BYTES. */
export function assertEventSize(event: unknown, path: string): void {
  const size = jsonByteSize(event);
  if (size !== undefined && size <= MAX_EVENT_BYTES) return;
  throw new CoilError('payload_too_large', 'payload_too_large', `event is larger than ${MAX_EVENT_BYTES} bytes`, { path });
}
