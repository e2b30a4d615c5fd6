import type { IngestEvent } from '../../ingest-event';
import type { NormalizeContext } from '../../ingest/normalize-result';
import { resolveEventTimestamp } from '../../ingest/time/resolve-event-timestamp';
import { buildIngestEvent, toId, withoutNullFields } from '../build-ingest-event';
import { validateAccoilV1Events, validateAccoilV1Groups, validateAccoilV1Users } from './accoil-v1-schemas';

/** POST /v1/users: legacy identify; group_id makes it a membership as well. */
export function normalizeAccoilV1Users(body: unknown, ctx: NormalizeContext): IngestEvent {
  const input = validateAccoilV1Users(withoutNullFields(body));
  return buildIngestEvent({
    ...common(input.timestamp, ctx),
    type: 'identify',
    userId: toId(input.user_id),
    groupId: toId(input.group_id),
    traits: input.traits,
  });
}

/** POST /v1/groups: legacy group; user_id links that user to the account. */
export function normalizeAccoilV1Groups(body: unknown, ctx: NormalizeContext): IngestEvent {
  const input = validateAccoilV1Groups(withoutNullFields(body));
  return buildIngestEvent({
    ...common(input.timestamp, ctx),
    type: 'group',
    groupId: toId(input.group_id),
    userId: toId(input.user_id),
    traits: input.traits,
  });
}

/** POST /v1/events: legacy track. */
export function normalizeAccoilV1Events(body: unknown, ctx: NormalizeContext): IngestEvent {
  const input = validateAccoilV1Events(withoutNullFields(body));
  return buildIngestEvent({ ...common(input.timestamp, ctx), type: 'track', userId: toId(input.user_id), event: input.event });
}

function common(timestampMs: number, ctx: NormalizeContext): Pick<IngestEvent, 'messageId' | 'timestamp' | 'receivedAt'> {
  return {
    messageId: ctx.newMessageId(),
    timestamp: resolveEventTimestamp({ timestampMs, receivedAt: ctx.receivedAt, path: '/timestamp' }),
    receivedAt: ctx.receivedAtIso,
  };
}
