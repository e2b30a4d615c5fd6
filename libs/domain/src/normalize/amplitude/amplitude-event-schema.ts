import type { Traits } from '../../ingest-event';
import { MAX_GROUPS_PER_EVENT } from '../../ingest/ingest-limits';
import { compileValidator } from '../../ingest/validation/compile-validator';
import { epochMsSchema, eventNameSchema, idSchema, traitsSchema } from '../../ingest/validation/common-schemas';
import type { IdInput } from '../build-ingest-event';

/** Amplitude's special event types: they carry properties, not a user action. */
export const AMPLITUDE_IDENTIFY = '$identify';
export const AMPLITUDE_GROUP_IDENTIFY = '$groupidentify';

/** `{$set, $setOnce, $unset, …}` operations or plain keys, as Amplitude's SDKs send them. */
export interface AmplitudePropertiesInput {
  [key: string]: unknown;
  $set?: Traits;
  $setOnce?: Traits;
  $unset?: Traits | string[];
}

export type AmplitudeGroupsInput = Record<string, IdInput | IdInput[]>;

/** The fields of an Amplitude HTTP API v2 event Coil reads; event_properties are never read. */
export interface AmplitudeEventInput {
  event_type: string;
  user_id?: IdInput;
  device_id?: IdInput;
  time?: number;
  insert_id?: IdInput;
  groups?: AmplitudeGroupsInput;
  user_properties?: AmplitudePropertiesInput;
  group_properties?: AmplitudePropertiesInput;
}

export const propertiesSchema = {
  ...traitsSchema,
  properties: {
    $set: traitsSchema,
    $setOnce: traitsSchema,
    $unset: {
      type: ['object', 'array'],
      maxProperties: traitsSchema.maxProperties,
      maxItems: traitsSchema.maxProperties,
      items: { type: 'string' },
    },
  },
} as const;

/** A group type maps to one id or a list of ids (all are candidate accounts). */
export const groupsSchema = {
  ...traitsSchema,
  maxProperties: MAX_GROUPS_PER_EVENT,
  additionalProperties: { ...idSchema, type: ['string', 'integer', 'array'], maxItems: MAX_GROUPS_PER_EVENT, items: idSchema },
} as const;

export const validateAmplitudeEvent = compileValidator<AmplitudeEventInput>({
  type: 'object',
  required: ['event_type'],
  properties: {
    event_type: eventNameSchema,
    user_id: idSchema,
    device_id: idSchema,
    time: epochMsSchema,
    insert_id: idSchema,
    groups: groupsSchema,
    user_properties: propertiesSchema,
    group_properties: propertiesSchema,
  },
  anyOf: [{ required: ['user_id'] }, { required: ['device_id'] }],
  if: { required: ['event_type'], properties: { event_type: { const: AMPLITUDE_GROUP_IDENTIFY } } },
  then: { required: ['groups'] },
});
