import type { IngestEvent, Traits } from '../ingest-event';

/** Ids as accepted by idSchema: numbers become their decimal string. */
export type IdInput = string | number;

export function toId(value: IdInput): string;
export function toId(value: IdInput | undefined): string | undefined;
export function toId(value: IdInput | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** The first defined id among candidates, in priority order. */
export function firstId(...candidates: Array<IdInput | null | undefined>): string | undefined {
  const found = candidates.find((c): c is IdInput => c !== undefined && c !== null);
  return toId(found);
}

/**
 * The only way normalisers make an IngestEvent: fields are copied one by one from a whitelist,
 * so nothing else the client sent (properties, context) can ride along. Undefined fields are omitted.
 */
export function buildIngestEvent(fields: IngestEvent): IngestEvent {
  const { type, messageId, timestamp, receivedAt } = fields;
  const event: IngestEvent = { type, messageId, timestamp, receivedAt };
  if (fields.userId !== undefined) event.userId = fields.userId;
  if (fields.anonymousId !== undefined) event.anonymousId = fields.anonymousId;
  if (fields.groupId !== undefined) event.groupId = fields.groupId;
  if (fields.event !== undefined) event.event = fields.event;
  if (fields.previousId !== undefined) event.previousId = fields.previousId;
  if (fields.traits !== undefined) event.traits = copyTraits(fields.traits);
  if (fields.traitsIfAbsent !== undefined && Object.keys(fields.traitsIfAbsent).length > 0) {
    event.traitsIfAbsent = copyTraits(fields.traitsIfAbsent);
  }
  return event;
}

/** A shallow copy, so later mutation of the request body cannot change a queued event. */
export function copyTraits(traits: Traits): Traits {
  return { ...traits };
}

/** Top-level `null` means "not sent" in several SDKs (e.g. analytics.js sends userId: null). */
export function withoutNullFields(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  // Most bodies have no null field: they are returned as they are, without a copy.
  if (!Object.values(body).includes(null)) return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}
