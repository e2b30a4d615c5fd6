import type { IngestEvent } from '../../ingest-event';
import type { NormalizeContext } from '../../ingest/normalize-result';
import { isoFieldToEpochMs } from '../../ingest/time/parse-iso-timestamp';
import { resolveEventTimestamp } from '../../ingest/time/resolve-event-timestamp';
import { buildIngestEvent, toId, withoutNullFields } from '../build-ingest-event';
import { validateAccoilV2Group, validateAccoilV2Identify, validateAccoilV2Track } from './accoil-v2-schemas';

/** POST /v2/identify; a groupId makes it a membership as well. */
export function normalizeAccoilV2Identify(body: unknown, ctx: NormalizeContext): IngestEvent {
  const input = validateAccoilV2Identify(withoutNullFields(body));
  return buildIngestEvent({
    ...common(input.timestamp, ctx),
    type: 'identify',
    userId: toId(input.userId),
    groupId: toId(input.groupId),
    traits: input.traits,
  });
}

/** POST /v2/group; a userId links that user to the account. */
export function normalizeAccoilV2Group(body: unknown, ctx: NormalizeContext): IngestEvent {
  const input = validateAccoilV2Group(withoutNullFields(body));
  return buildIngestEvent({
    ...common(input.timestamp, ctx),
    type: 'group',
    groupId: toId(input.groupId),
    userId: toId(input.userId),
    traits: input.traits,
  });
}

/** POST /v2/track. */
export function normalizeAccoilV2Track(body: unknown, ctx: NormalizeContext): IngestEvent {
  const input = validateAccoilV2Track(withoutNullFields(body));
  return buildIngestEvent({ ...common(input.timestamp, ctx), type: 'track', userId: toId(input.userId), event: input.event });
}

/** Accoil v2 has no messageId or sentAt: every call gets a fresh id and its own time as sent. */
function common(timestamp: string | undefined, ctx: NormalizeContext): Pick<IngestEvent, 'messageId' | 'timestamp' | 'receivedAt'> {
  const timestampMs = isoFieldToEpochMs(timestamp, '/timestamp');
  return {
    messageId: ctx.newMessageId(),
    timestamp: resolveEventTimestamp({ timestampMs, receivedAt: ctx.receivedAt, path: '/timestamp' }),
    receivedAt: ctx.receivedAtIso,
  };
}
