import type { IngestEvent } from '@coil/domain';

/** The external id an event is about: its userId, or its anonymousId for anonymous-only calls. */
export function subjectId(event: IngestEvent): string | undefined {
  return event.userId || event.anonymousId || undefined;
}
