import { MAX_EPOCH_MS, MAX_EVENT_NAME_LENGTH, MAX_ID_LENGTH, MAX_TRAIT_KEY_LENGTH, MAX_TRAIT_KEYS } from '../ingest-limits';

/** Real clients send numeric ids; they are accepted and stored as strings. Blank strings are not ids. */
export const idSchema = {
  type: ['string', 'integer'],
  minLength: 1,
  maxLength: MAX_ID_LENGTH,
  pattern: '\\S',
} as const;

export const eventNameSchema = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_EVENT_NAME_LENGTH,
  pattern: '\\S',
} as const;

/** Keys that would reach Object.prototype if a later merge were careless; refused at the edge. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export const traitsSchema = {
  type: 'object',
  maxProperties: MAX_TRAIT_KEYS,
  propertyNames: { maxLength: MAX_TRAIT_KEY_LENGTH, not: { enum: FORBIDDEN_KEYS } },
} as const;

export const isoTimestampSchema = { type: 'string', format: 'iso-date-time' } as const;

export const epochMsSchema = { type: 'integer', minimum: 0, maximum: MAX_EPOCH_MS } as const;

/** Context is mostly ignored; only `context.groupId` is read. */
export const contextSchema = {
  type: 'object',
  properties: { groupId: { anyOf: [idSchema, { type: 'null' }] } },
} as const;
