import type { Traits } from '../../ingest-event';
import { compileValidator } from '../../ingest/validation/compile-validator';
import { epochMsSchema, eventNameSchema, idSchema, traitsSchema } from '../../ingest/validation/common-schemas';
import type { IdInput } from '../build-ingest-event';

/** Accoil legacy v1 bodies: the key travels in `api_key`, `timestamp` is required epoch ms. */
export interface AccoilV1UsersInput {
  api_key: string;
  timestamp: number;
  user_id: IdInput;
  group_id?: IdInput;
  traits?: Traits;
}

export interface AccoilV1GroupsInput {
  api_key: string;
  timestamp: number;
  group_id: IdInput;
  user_id?: IdInput;
  traits?: Traits;
}

export interface AccoilV1EventsInput {
  api_key: string;
  timestamp: number;
  user_id: IdInput;
  event: string;
}

const apiKeySchema = { type: 'string', minLength: 1 } as const;

export const validateAccoilV1Users = compileValidator<AccoilV1UsersInput>({
  type: 'object',
  required: ['api_key', 'timestamp', 'user_id'],
  properties: { api_key: apiKeySchema, timestamp: epochMsSchema, user_id: idSchema, group_id: idSchema, traits: traitsSchema },
});

export const validateAccoilV1Groups = compileValidator<AccoilV1GroupsInput>({
  type: 'object',
  required: ['api_key', 'timestamp', 'group_id'],
  properties: { api_key: apiKeySchema, timestamp: epochMsSchema, group_id: idSchema, user_id: idSchema, traits: traitsSchema },
});

export const validateAccoilV1Events = compileValidator<AccoilV1EventsInput>({
  type: 'object',
  required: ['api_key', 'timestamp', 'user_id', 'event'],
  properties: { api_key: apiKeySchema, timestamp: epochMsSchema, user_id: idSchema, event: eventNameSchema },
});
