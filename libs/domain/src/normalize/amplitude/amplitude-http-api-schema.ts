import { compileValidator } from '../../ingest/validation/compile-validator';

/** Amplitude HTTP API v2 envelope; `api_key` is read by the auth layer, `options` is ignored. */
export interface AmplitudeHttpApiInput {
  events: unknown[];
}

export const validateAmplitudeHttpApi = compileValidator<AmplitudeHttpApiInput>({
  type: 'object',
  required: ['events'],
  properties: { events: { type: 'array' } },
});
