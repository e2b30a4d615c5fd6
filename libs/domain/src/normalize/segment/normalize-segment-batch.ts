import { compileValidator } from '../../ingest/validation/compile-validator';
import { contextSchema, isoTimestampSchema } from '../../ingest/validation/common-schemas';
import { normalizeBatchItems } from '../../ingest/batch/normalize-batch-items';
import type { NormalizeContext, NormalizeResult } from '../../ingest/normalize-result';
import { isoFieldToEpochMs } from '../../ingest/time/parse-iso-timestamp';
import { firstId, withoutNullFields, type IdInput } from '../build-ingest-event';
import { normalizeSegmentEvent } from './normalize-segment-event';

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

/** POST /v1/batch: `{batch, sentAt?, context?}`, as @segment/analytics-node sends it. */
export function normalizeSegmentBatch(body: unknown, ctx: NormalizeContext): NormalizeResult {
  const envelope = validateSegmentBatch(withoutNullFields(body));
  const options = {
    batchSentAtMs: isoFieldToEpochMs(envelope.sentAt, '/sentAt'),
    fallbackGroupId: firstId(envelope.context?.groupId),
  };
  return normalizeBatchItems(envelope.batch, '/batch', (item) => [normalizeSegmentEvent(item, options, ctx)], ctx.bodyBytes);
}
