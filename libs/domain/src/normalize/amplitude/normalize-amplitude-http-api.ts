import { normalizeBatchItems } from '../../ingest/batch/normalize-batch-items';
import type { NormalizeContext, NormalizeResult } from '../../ingest/normalize-result';
import { validateAmplitudeHttpApi } from './amplitude-http-api-schema';
import { normalizeAmplitudeEvent } from './normalize-amplitude-event';

/** POST /2/httpapi: `{api_key, events, options?}` as @amplitude/analytics-node sends it. */
export function normalizeAmplitudeHttpApi(body: unknown, ctx: NormalizeContext): NormalizeResult {
  const envelope = validateAmplitudeHttpApi(body);
  return normalizeBatchItems(envelope.events, '/events', (item) => normalizeAmplitudeEvent(item, ctx));
}
