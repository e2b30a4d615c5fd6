import { compileValidator } from '../../ingest/validation/compile-validator';
import { normalizeBatchItems } from '../../ingest/batch/normalize-batch-items';
import type { NormalizeContext, NormalizeResult } from '../../ingest/normalize-result';
import { normalizeAmplitudeEvent } from './normalize-amplitude-event';

/** Amplitude HTTP API v2 envelope; `api_key` is read by the auth layer, `options` is ignored. */
export interface AmplitudeHttpApiInput {
  events: unknown[];
}

export const validateAmplitudeHttpApi = compileValidator<AmplitudeHttpApiInput>({
  type: 'object',
  required: ['events'],
  properties: { events: { type: 'array' } },
});

/** POST /2/httpapi: `{api_key, events, options?}` as @amplitude/analytics-node sends it. */
export function normalizeAmplitudeHttpApi(body: unknown, ctx: NormalizeContext): NormalizeResult {
  const envelope = validateAmplitudeHttpApi(body);
  return normalizeBatchItems(envelope.events, '/events', (item) => normalizeAmplitudeEvent(item, ctx), ctx.bodyBytes);
}
