import { normalizeBatchItems } from '../../ingest/batch/normalize-batch-items';
import type { NormalizeContext, NormalizeResult } from '../../ingest/normalize-result';
import { isoFieldToEpochMs } from '../../ingest/time/parse-iso-timestamp';
import { firstId, withoutNullFields } from '../build-ingest-event';
import { normalizeSegmentEvent } from './normalize-segment-event';
import { validateSegmentBatch } from './segment-batch-schema';

/** POST /v1/batch: `{batch, sentAt?, context?}`, as @segment/analytics-node sends it. */
export function normalizeSegmentBatch(body: unknown, ctx: NormalizeContext): NormalizeResult {
  const envelope = validateSegmentBatch(withoutNullFields(body));
  const options = {
    batchSentAtMs: isoFieldToEpochMs(envelope.sentAt, '/sentAt'),
    fallbackGroupId: firstId(envelope.context?.groupId),
  };
  return normalizeBatchItems(envelope.batch, '/batch', (item) => [normalizeSegmentEvent(item, options, ctx)]);
}
