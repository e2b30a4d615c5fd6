import { HttpException } from '@nestjs/common';
import { CoilError, type ErrorBody } from '@coil/domain';

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Any thrown value -> the spec's error body; never a stack trace or internal message. */
export function toErrorResponse(error: unknown): ErrorResponse {
  const coil = toCoilError(error);
  const headers: Record<string, string> = {};
  const retryAfter = coil.details?.retry_after_seconds;
  if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
  return { status: coil.httpStatus, body: coil.toBody(), headers };
}

function toCoilError(error: unknown): CoilError {
  if (error instanceof CoilError) return error;
  if (error instanceof HttpException) return fromHttpException(error);
  const framework = error as FrameworkError;
  const status = framework?.statusCode;
  if (status === 413) {
    return new CoilError(413, 'payload_too_large', 'Request body is too large');
  }
  if (status === 415 || (status === 400 && framework.code?.startsWith('FST_ERR_CTP'))) {
    return new CoilError(400, 'invalid_json', 'Request body must be JSON (application/json)');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new CoilError(status, 'invalid_request', 'The request could not be processed');
  }
  return new CoilError(500, 'internal_error', 'Internal error');
}

function fromHttpException(error: HttpException): CoilError {
  const status = error.getStatus();
  if (status === 404) return new CoilError(404, 'not_found', 'Resource not found');
  if (status === 413) return new CoilError(413, 'payload_too_large', 'Request body is too large');
  if (status < 500) return new CoilError(status, 'invalid_request', error.message);
  return new CoilError(500, 'internal_error', 'Internal error');
}
