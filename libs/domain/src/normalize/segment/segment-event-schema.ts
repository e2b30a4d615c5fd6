import type { Traits } from '../../ingest-event';
import { MAX_PAGE_NAME_LENGTH } from '../../ingest/ingest-limits';
import { compileValidator } from '../../ingest/validation/compile-validator';
import { contextSchema, eventNameSchema, idSchema, isoTimestampSchema, traitsSchema } from '../../ingest/validation/common-schemas';
import type { IdInput } from '../build-ingest-event';

export const SEGMENT_EVENT_TYPES = ['identify', 'group', 'track', 'page', 'screen', 'alias'] as const;
export type SegmentEventType = (typeof SEGMENT_EVENT_TYPES)[number];

/** The fields of a Segment event Coil reads; everything else (properties, context…) is ignored. */
export interface SegmentEventInput {
  type: SegmentEventType;
  messageId?: IdInput;
  userId?: IdInput;
  anonymousId?: IdInput;
  groupId?: IdInput;
  previousId?: IdInput;
  event?: string;
  name?: string;
  traits?: Traits;
  timestamp?: string;
  sentAt?: string;
  /** Set by Segment's servers on events it forwards: their timestamp is already skew-corrected. */
  receivedAt?: unknown;
  context?: { groupId?: IdInput | null };
}

const userOrAnonymous = { anyOf: [{ required: ['userId'] }, { required: ['anonymousId'] }] };

const whenType = (types: SegmentEventType[], then: object): object => ({
  if: { required: ['type'], properties: { type: { enum: types } } },
  then,
});

export const segmentEventSchema = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { enum: SEGMENT_EVENT_TYPES },
    messageId: idSchema,
    userId: idSchema,
    anonymousId: idSchema,
    groupId: idSchema,
    previousId: idSchema,
    event: eventNameSchema,
    name: { type: 'string', maxLength: MAX_PAGE_NAME_LENGTH },
    traits: traitsSchema,
    timestamp: isoTimestampSchema,
    sentAt: isoTimestampSchema,
    context: contextSchema,
  },
  allOf: [
    whenType(['track'], { required: ['event'], ...userOrAnonymous }),
    whenType(['identify', 'page', 'screen'], userOrAnonymous),
    whenType(['group'], { required: ['groupId'] }),
    whenType(['alias'], { required: ['userId', 'previousId'] }),
  ],
} as const;

export const validateSegmentEvent = compileValidator<SegmentEventInput>(segmentEventSchema);
