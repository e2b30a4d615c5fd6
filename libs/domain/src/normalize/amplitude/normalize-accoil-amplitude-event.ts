import type { IngestEvent, Traits } from '../../ingest-event';
import type { NormalizeContext } from '../../ingest/normalize-result';
import { buildIngestEvent, toId, withoutNullFields } from '../build-ingest-event';
import { normalizeSegmentEvent } from '../segment/normalize-segment-event';
import { validateAccoilAmplitudeExtras, type GroupTraitsEntryInput } from './accoil-amplitude-schema';
import { compareCodeUnits } from './primary-amplitude-group';

/**
 * The Accoil-shaped Amplitude event on POST /amplitude: a Segment-like event (type defaults to
 * track) plus `groupTraits`. Each entry becomes a group event with the user, so membership and
 * account traits are recorded; the main event is attributed to the lowest groupId.
 */
export function normalizeAccoilAmplitudeEvent(body: unknown, ctx: NormalizeContext): IngestEvent[] {
  const input = withDefaultTrackType(withoutNullFields(body));
  const extras = validateAccoilAmplitudeExtras(input);
  const entries = extras.groupTraits ?? [];
  const primaryGroupId = entries.map((e) => toId(e.groupId)).sort(compareCodeUnits)[0];
  const main = normalizeSegmentEvent(input, { fallbackGroupId: primaryGroupId }, ctx);
  const groups = entries.map((entry) =>
    buildIngestEvent({
      type: 'group',
      messageId: `${main.messageId}:group:${toId(entry.groupId)}`,
      userId: main.userId,
      groupId: toId(entry.groupId),
      traits: groupTraitsOf(entry),
      timestamp: main.timestamp,
      receivedAt: main.receivedAt,
    }),
  );
  return [...groups, main];
}

function withDefaultTrackType(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || 'type' in body) return body;
  return { ...body, type: 'track' };
}

function groupTraitsOf(entry: GroupTraitsEntryInput): Traits {
  const traits: Traits = { ...entry.traits };
  if (entry.group_type !== undefined && traits['group_type'] === undefined) traits['group_type'] = entry.group_type;
  return traits;
}
