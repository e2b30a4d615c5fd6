import { compileValidator } from '../../ingest/validation/compile-validator';
import { contextSchema, isoTimestampSchema } from '../../ingest/validation/common-schemas';
import type { IdInput } from '../build-ingest-event';

/** Segment HTTP API batch envelope; `writeKey` is read by the auth layer, not here. */
export interface SegmentBatchInput {
  batch: unknown[];
  sentAt?: string;
  context?: { groupId?: IdInput | null };
}

export const validateSegmentBatch = compileValidator<SegmentBatchInput>({
  type: 'object',
  required: ['batch'],
  properties: {
    batch: { type: 'array' },
    sentAt: isoTimestampSchema,
    context: contextSchema,
  },
});
