import { HttpException } from '@nestjs/common';
import type { Logger } from 'pino';
import { CoilError, type ErrorBody, type ErrorStatus } from '@coil/domain';

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

/** The one place an error's status name becomes an HTTP status. */
const HTTP_STATUS: Readonly<Record<ErrorStatus, number>> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};

const STATUS_NAME = new Map<number, ErrorStatus>(Object.entries(HTTP_STATUS).map(([name, status]) => [status, name as ErrorStatus]));

export function httpStatusOf(status: ErrorStatus): number {
  return HTTP_STATUS[status];
}

/** Any thrown value -> the one error body `{error: {message, status, code, details?}}`; never a stack trace or internal message. */
export function toErrorResponse(error: unknown): ErrorResponse {
  const coil = toCoilError(error);
  const headers: Record<string, string> = {};
  const retryAfter = coil.details?.retry_after_seconds;
  if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
  return { status: httpStatusOf(coil.status), body: coil.toBody(), headers };
}

/** What every HTTP path answers for an error it caught: the response, with server faults logged. */
export function errorAnswer(error: unknown, logger: Logger): ErrorResponse {
  const response = toErrorResponse(error);
  if (response.status >= 500) logger.error({ err: error }, 'request failed');
  return response;
}

function toCoilError(error: unknown): CoilError {
  if (error instanceof CoilError) return error;
  if (error instanceof HttpException) return fromHttpException(error);
  const framework = error as FrameworkError;
  const status = framework?.statusCode;
  if (status === 413) {
    return new CoilError('payload_too_large', 'payload_too_large', 'Request body is too large');
  }
  if (status === 415 || (status === 400 && framework.code?.startsWith('FST_ERR_CTP'))) {
    return new CoilError('bad_request', 'invalid_json', 'Request body must be JSON (application/json)');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new CoilError(clientStatus(status), 'invalid_request', 'The request could not be processed');
  }
  return new CoilError('internal_error', 'internal_error', 'Internal error');
}

function fromHttpException(error: HttpException): CoilError {
  const status = error.getStatus();
  if (status === 404) return new CoilError('not_found', 'not_found', 'Resource not found');
  if (status === 413) return new CoilError('payload_too_large', 'payload_too_large', 'Request body is too large');
  if (status < 500) return new CoilError(clientStatus(status), 'invalid_request', error.message);
  return new CoilError('internal_error', 'internal_error', 'Internal error');
}

/** A framework's 4xx that has a status name keeps its status; any other is a plain bad request. */
function clientStatus(status: number): ErrorStatus {
  return STATUS_NAME.get(status) ?? 'bad_request';
}
