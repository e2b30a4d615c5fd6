import type { IngestEvent } from '../../ingest-event';
import type { NormalizeContext } from '../../ingest/normalize-result';
import { isoFieldToEpochMs } from '../../ingest/time/parse-iso-timestamp';
import { resolveEventTimestamp } from '../../ingest/time/resolve-event-timestamp';
import { validationError } from '../../ingest/validation/validation-error';
import { buildIngestEvent, firstId, toId, withoutNullFields } from '../build-ingest-event';
import { validateSegmentEvent, type SegmentEventInput, type SegmentEventType } from './segment-event-schema';

/** Segment's convention for named pages: `Viewed {name} Page`, or `Viewed Page` without a name. */
export function pageEventName(kind: 'page' | 'screen', name: string | undefined): string {
  const noun = kind === 'page' ? 'Page' : 'Screen';
  const trimmed = name?.trim();
  return trimmed ? `Viewed ${trimmed} ${noun}` : `Viewed ${noun}`;
}

export interface SegmentEventOptions {
  /** /v1/track etc.: the route names the type, so the body may omit it. */
  impliedType?: SegmentEventType;
  /** Values from outside the event (batch envelope, Accoil groupTraits) used when it lacks its own. */
  batchSentAtMs?: number;
  fallbackGroupId?: string;
}

/** One Segment event (any of the six types) into one IngestEvent; page/screen become track. */
export function normalizeSegmentEvent(body: unknown, options: SegmentEventOptions, ctx: NormalizeContext): IngestEvent {
  const input = validateSegmentEvent(withImpliedType(withoutNullFields(body), options.impliedType));
  return buildIngestEvent({
    type: input.type === 'page' || input.type === 'screen' ? 'track' : input.type,
    messageId: toId(input.messageId) ?? ctx.newMessageId(),
    userId: toId(input.userId),
    anonymousId: toId(input.anonymousId),
    groupId: firstId(input.groupId, input.context?.groupId, options.fallbackGroupId),
    event: eventName(input),
    previousId: input.type === 'alias' ? toId(input.previousId) : undefined,
    traits: input.type === 'identify' || input.type === 'group' ? input.traits : undefined,
    timestamp: segmentTimestamp(input, options, ctx),
    receivedAt: ctx.receivedAtIso,
  });
}

function withImpliedType(body: unknown, impliedType: SegmentEventType | undefined): unknown {
  if (impliedType === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const sent = (body as { type?: unknown }).type;
  if (sent === undefined) return { ...body, type: impliedType };
  if (sent !== impliedType) {
    throw validationError('invalid_request', `type must be ${impliedType} on this route`, '/type');
  }
  return body;
}

function eventName(input: SegmentEventInput): string | undefined {
  if (input.type === 'track') return input.event;
  if (input.type === 'page' || input.type === 'screen') return pageEventName(input.type, input.name);
  return undefined;
}

function segmentTimestamp(input: SegmentEventInput, options: SegmentEventOptions, ctx: NormalizeContext): string {
  const timestampMs = isoFieldToEpochMs(input.timestamp, '/timestamp');
  const sentAtMs = isoFieldToEpochMs(input.sentAt, '/sentAt') ?? options.batchSentAtMs;
  // Segment's servers already corrected forwarded events; correcting again would add their delivery delay.
  const alreadyCorrected = input.receivedAt !== undefined;
  return resolveEventTimestamp({
    timestampMs,
    sentAtMs: alreadyCorrected ? undefined : sentAtMs,
    receivedAt: ctx.receivedAt,
    path: '/timestamp',
  });
}
