/**
 * Errors are values with stable codes and status names; libs/http maps a status name to its
 * HTTP number in one place, so nothing here knows about HTTP.
 * Body shape, on every HTTP API: {"error":{"message","status","code","details"?}}.
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
  | 'unknown_feature'
  | 'internal_error';

/** The `status` of an error body: what kind of failure, independent of transport. */
export type ErrorStatus =
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal_error'
  | 'service_unavailable';

export interface ErrorBody {
  error: { message: string; status: ErrorStatus; code: ErrorCode; details?: Record<string, unknown> };
}

export class CoilError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CoilError';
  }

  /** The service, not the request, is at fault: retrying later may succeed. */
  isServerFault(): boolean {
    return this.status === 'internal_error' || this.status === 'service_unavailable';
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = {
      message: this.message,
      status: this.status,
      code: this.code,
    };
    if (this.details) error.details = this.details;
    return { error };
  }
}
