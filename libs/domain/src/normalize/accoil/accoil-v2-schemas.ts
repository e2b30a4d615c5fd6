import type { Traits } from '../../ingest-event';
import { compileValidator } from '../../ingest/validation/compile-validator';
import { eventNameSchema, idSchema, isoTimestampSchema, traitsSchema } from '../../ingest/validation/common-schemas';
import type { IdInput } from '../build-ingest-event';

/** Accoil REST v2 bodies; timestamps are ISO-8601 and default to now. */
export interface AccoilV2IdentifyInput {
  userId: IdInput;
  traits?: Traits;
  groupId?: IdInput;
  timestamp?: string;
}

export interface AccoilV2GroupInput {
  groupId: IdInput;
  userId?: IdInput;
  traits?: Traits;
  timestamp?: string;
}

export interface AccoilV2TrackInput {
  userId: IdInput;
  event: string;
  timestamp?: string;
}

export const validateAccoilV2Identify = compileValidator<AccoilV2IdentifyInput>({
  type: 'object',
  required: ['userId'],
  properties: { userId: idSchema, traits: traitsSchema, groupId: idSchema, timestamp: isoTimestampSchema },
});

export const validateAccoilV2Group = compileValidator<AccoilV2GroupInput>({
  type: 'object',
  required: ['groupId'],
  properties: { groupId: idSchema, userId: idSchema, traits: traitsSchema, timestamp: isoTimestampSchema },
});

export const validateAccoilV2Track = compileValidator<AccoilV2TrackInput>({
  type: 'object',
  required: ['userId', 'event'],
  properties: { userId: idSchema, event: eventNameSchema, timestamp: isoTimestampSchema },
});
