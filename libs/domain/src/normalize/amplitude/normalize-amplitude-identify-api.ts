import type { IngestEvent } from '../../ingest-event';
import { assertEventSize, MAX_ID_LENGTH } from '../../ingest/ingest-limits';
import { normalizeBatchItems } from '../../ingest/batch/normalize-batch-items';
import type { NormalizeContext, NormalizeResult } from '../../ingest/normalize-result';
import { compileValidator } from '../../ingest/validation/compile-validator';
import { idSchema } from '../../ingest/validation/common-schemas';
import { prefixErrorPath, validationError } from '../../ingest/validation/validation-error';
import { CoilError } from '../../errors';
import { buildIngestEvent, toId, withoutNullFields, type IdInput } from '../build-ingest-event';
import { AMPLITUDE_IDENTIFY, groupsSchema, propertiesSchema, type AmplitudePropertiesInput } from './amplitude-event-schema';
import { flattenAmplitudeProperties, NO_CHANGES, withGroupType } from './flatten-amplitude-properties';
import { normalizeAmplitudeEvent } from './normalize-amplitude-event';

/**
 * Amplitude's Identify and Group Identify APIs: a form with `api_key` (read by the auth layer)
 * and `identification`, a JSON object or array as text. A JSON body with `identification` as an
 * object, an array or that text is accepted too.
 */
interface IdentifyApiEnvelope {
  identification: string | object;
}

const validateEnvelope = compileValidator<IdentifyApiEnvelope>({
  type: 'object',
  required: ['identification'],
  properties: { identification: { type: ['string', 'object', 'array'] } },
});

const IDENTIFICATION_PATH = '/identification';

type NormalizeIdentification = (item: unknown, ctx: NormalizeContext) => IngestEvent[];

/** POST /identify: each identification is the HTTP API's `$identify` event of the same fields. */
export function normalizeAmplitudeIdentifyApi(body: unknown, ctx: NormalizeContext): NormalizeResult {
  return normalizeIdentifications(body, ctx, identifyEvents);
}

/** POST /groupidentify: each identification sets the traits of the account `group_value`. */
export function normalizeAmplitudeGroupIdentifyApi(body: unknown, ctx: NormalizeContext): NormalizeResult {
  return normalizeIdentifications(body, ctx, groupIdentifyEvents);
}

function normalizeIdentifications(body: unknown, ctx: NormalizeContext, normalize: NormalizeIdentification): NormalizeResult {
  const identification = parseIdentification(validateEnvelope(body).identification);
  if (Array.isArray(identification)) {
    return normalizeBatchItems(identification, IDENTIFICATION_PATH, (item) => normalize(item, ctx));
  }
  assertEventSize(identification);
  try {
    return { events: normalize(identification, ctx), rejected: [] };
  } catch (error) {
    throw error instanceof CoilError && !error.isServerFault() ? prefixErrorPath(error, IDENTIFICATION_PATH) : error;
  }
}

/** The form field is JSON text; `__proto__` keys are dropped as the JSON body parser drops them. */
function parseIdentification(identification: string | object): unknown {
  if (typeof identification !== 'string') return identification;
  let parsed: unknown;
  try {
    parsed = JSON.parse(identification, (key, value: unknown) => (key === '__proto__' ? undefined : value));
  } catch {
    throw validationError('invalid_json', 'identification is not valid JSON', IDENTIFICATION_PATH);
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw validationError('invalid_type', 'identification must be a JSON object or array', IDENTIFICATION_PATH);
  }
  return parsed;
}

interface IdentifyInput {
  user_id?: IdInput;
  device_id?: IdInput;
  insert_id?: IdInput;
  user_properties?: AmplitudePropertiesInput;
  groups?: Record<string, IdInput | IdInput[]>;
}

const validateIdentify = compileValidator<IdentifyInput>({
  type: 'object',
  properties: { user_id: idSchema, device_id: idSchema, insert_id: idSchema, user_properties: propertiesSchema, groups: groupsSchema },
  anyOf: [{ required: ['user_id'] }, { required: ['device_id'] }],
});

function identifyEvents(item: unknown, ctx: NormalizeContext): IngestEvent[] {
  const { user_id, device_id, insert_id, user_properties, groups } = validateIdentify(withoutNullFields(item));
  // Only the fields the Identify API defines; `time` is not one of them, so it happens now.
  const event = { event_type: AMPLITUDE_IDENTIFY, user_id, device_id, insert_id, user_properties, groups };
  return normalizeAmplitudeEvent(withoutUndefined(event), ctx);
}

interface GroupIdentifyInput {
  group_type: string;
  group_value: IdInput;
  insert_id?: IdInput;
  group_properties?: AmplitudePropertiesInput;
}

const validateGroupIdentify = compileValidator<GroupIdentifyInput>({
  type: 'object',
  required: ['group_type', 'group_value'],
  properties: {
    group_type: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH },
    group_value: idSchema,
    insert_id: idSchema,
    group_properties: propertiesSchema,
  },
});

/** An account-only group call, as /2/httpapi's `$groupidentify` makes for its primary group. */
function groupIdentifyEvents(item: unknown, ctx: NormalizeContext): IngestEvent[] {
  const input = validateGroupIdentify(withoutNullFields(item));
  const changes = input.group_properties ? flattenAmplitudeProperties(input.group_properties, '/group_properties') : NO_CHANGES;
  const receivedAt = ctx.receivedAtIso;
  return [
    buildIngestEvent({
      type: 'group',
      messageId: toId(input.insert_id) ?? ctx.newMessageId(),
      groupId: toId(input.group_value),
      timestamp: receivedAt,
      receivedAt,
      ...withGroupType(changes, input.group_type),
    }),
  ];
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
