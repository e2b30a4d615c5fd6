/**
 * Errors are values with the spec's codes; each app maps them to HTTP in one filter.
 * Body shape (ingest.md, read-api.md): {"error":{"message","status","code","details"?}}.
 */
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'missing_field'
  | 'invalid_type'
  | 'unknown_type'
  | 'payload_too_large'
  | 'unauthorized'
  | 'not_found'
  | 'rate_limited'
  | 'queue_unavailable'
  | 'service_unavailable'
  | 'missing_lookup_parameter'
  | 'missing_workspace_id'
  | 'invalid_parameter'
  | 'ambiguous_match'
  | 'internal_error';

const STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  500: 'internal_error',
  503: 'service_unavailable',
};

export interface ErrorBody {
  error: { message: string; status: string; code: ErrorCode; details?: Record<string, unknown> };
}

export class CoilError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CoilError';
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = {
      message: this.message,
      status: STATUS[this.httpStatus] ?? 'error',
      code: this.code,
    };
    if (this.details) error.details = this.details;
    return { error };
  }
}
