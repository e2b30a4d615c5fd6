import type { IngestEvent } from '../../ingest-event';
import { assertEventSize } from '../../ingest/ingest-limits';
import { normalizeBatchItems } from '../../ingest/batch/normalize-batch-items';
import type { NormalizeContext, NormalizeResult } from '../../ingest/normalize-result';
import { normalizeAccoilAmplitudeEvent } from './normalize-accoil-amplitude-event';
import { normalizeAmplitudeEvent } from './normalize-amplitude-event';

/**
 * POST /amplitude takes one event (Amplitude- or Accoil-shaped) or several: a JSON array, or
 * an HTTP-API-like `{events: [...]}`. Several get batch semantics.
 */
export function normalizeAmplitudeRoute(body: unknown, ctx: NormalizeContext): NormalizeResult {
  const normalizeItem = (item: unknown): IngestEvent[] => normalizeAmplitudeRouteEvent(item, ctx);
  if (Array.isArray(body)) return normalizeBatchItems(body, '', normalizeItem);
  const events = eventsArrayOf(body);
  if (events) return normalizeBatchItems(events, '/events', normalizeItem);
  assertEventSize(body);
  return { events: normalizeItem(body), rejected: [] };
}

/** Amplitude events are recognised by `event_type`; anything else is read as Accoil-shaped. */
export function normalizeAmplitudeRouteEvent(item: unknown, ctx: NormalizeContext): IngestEvent[] {
  const isAmplitudeShaped = typeof item === 'object' && item !== null && 'event_type' in item;
  return isAmplitudeShaped ? normalizeAmplitudeEvent(item, ctx) : normalizeAccoilAmplitudeEvent(item, ctx);
}

function eventsArrayOf(body: unknown): unknown[] | undefined {
  if (typeof body !== 'object' || body === null || !('events' in body)) return undefined;
  const events: unknown = body.events;
  return Array.isArray(events) ? events : undefined;
}
