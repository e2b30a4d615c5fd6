import type { IngestEvent } from '../../ingest-event';
import type { NormalizeContext } from '../../ingest/normalize-result';
import { resolveEventTimestamp } from '../../ingest/time/resolve-event-timestamp';
import { validationError } from '../../ingest/validation/validation-error';
import { buildIngestEvent, toId, withoutNullFields } from '../build-ingest-event';
import { AMPLITUDE_GROUP_IDENTIFY, AMPLITUDE_IDENTIFY, validateAmplitudeEvent, type AmplitudeEventInput } from './amplitude-event-schema';
import { flattenAmplitudeProperties, hasChanges, NO_CHANGES, withGroupType } from './flatten-amplitude-properties';
import { primaryAmplitudeGroup, type AmplitudeGroup } from './primary-amplitude-group';

type SharedFields = Pick<IngestEvent, 'userId' | 'anonymousId' | 'groupId' | 'timestamp' | 'receivedAt'>;

/**
 * One Amplitude event into up to three IngestEvents: the track (unless $identify/$groupidentify),
 * an identify for user_properties, a group for the primary account's group_properties. Derived
 * events get ids derived from insert_id, so a retried request dedupes event by event.
 */
export function normalizeAmplitudeEvent(body: unknown, ctx: NormalizeContext): IngestEvent[] {
  const input = validateAmplitudeEvent(withoutNullFields(body));
  const baseId = toId(input.insert_id) ?? ctx.newMessageId();
  const primary = primaryAmplitudeGroup(input.groups);
  const shared: SharedFields = {
    userId: toId(input.user_id),
    anonymousId: toId(input.device_id),
    groupId: primary?.groupId,
    timestamp: resolveEventTimestamp({ timestampMs: input.time, receivedAt: ctx.receivedAt, path: '/time' }),
    receivedAt: ctx.receivedAtIso,
  };
  const events: IngestEvent[] = [];
  if (!isSpecialEvent(input)) {
    events.push(buildIngestEvent({ ...shared, type: 'track', messageId: baseId, event: input.event_type }));
  }
  const identify = identifyEvent(input, shared, baseId);
  if (identify) events.push(identify);
  const group = primary ? groupEvent(input, primary, shared, baseId) : undefined;
  if (group) events.push(group);
  // Only a $groupidentify whose `groups` lists no id can get here empty-handed.
  if (events.length === 0) throw validationError('missing_field', 'groups must name at least one group', '/groups');
  return events;
}

function isSpecialEvent(input: AmplitudeEventInput): boolean {
  return input.event_type === AMPLITUDE_IDENTIFY || input.event_type === AMPLITUDE_GROUP_IDENTIFY;
}

function identifyEvent(input: AmplitudeEventInput, shared: SharedFields, baseId: string): IngestEvent | undefined {
  const isIdentifyCall = input.event_type === AMPLITUDE_IDENTIFY;
  const changes = input.user_properties ? flattenAmplitudeProperties(input.user_properties, '/user_properties') : NO_CHANGES;
  if (!isIdentifyCall && !hasChanges(changes)) return undefined;
  const messageId = isIdentifyCall ? baseId : `${baseId}:identify`;
  return buildIngestEvent({ ...shared, type: 'identify', messageId, ...changes });
}

function groupEvent(input: AmplitudeEventInput, primary: AmplitudeGroup, shared: SharedFields, baseId: string): IngestEvent | undefined {
  const isGroupIdentifyCall = input.event_type === AMPLITUDE_GROUP_IDENTIFY;
  if (!isGroupIdentifyCall && input.group_properties === undefined) return undefined;
  const changes = input.group_properties ? flattenAmplitudeProperties(input.group_properties, '/group_properties') : NO_CHANGES;
  const messageId = isGroupIdentifyCall ? baseId : `${baseId}:group:${primary.groupId}`;
  return buildIngestEvent({ ...shared, type: 'group', messageId, ...withGroupType(changes, primary.groupType) });
}
