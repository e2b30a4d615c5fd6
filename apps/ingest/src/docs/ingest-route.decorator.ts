import { applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { CoilError, eventTooLarge, MAX_BATCH_EVENTS, MAX_BODY_BYTES, MAX_EVENT_BYTES, type IngestRouteInfo } from '@coil/domain';
import { ApiErrorResponses, type ErrorResponseDoc } from '@coil/http';
import type { IngestReply } from '../ingest-handler';
import type { IngestRouteDoc } from './ingest-route-docs';

const ERRORS: ErrorResponseDoc[] = [
  {
    status: 400,
    description: 'Not JSON (or a form where the route takes none), a missing or mistyped field (details.path names it), or an unknown type',
    examples: {
      invalid_json: new CoilError('bad_request', 'invalid_json', 'Request body is not valid JSON'),
      missing_field: new CoilError('bad_request', 'missing_field', "must have required property 'event'", { path: '/event' }),
      unknown_type: new CoilError('bad_request', 'unknown_type', 'type must be one of identify, group, track, page, screen, alias', {
        path: '/type',
      }),
    },
  },
  {
    status: 401,
    description: 'Missing or unknown API key',
    examples: { unauthorized: new CoilError('unauthorized', 'unauthorized', 'Invalid API key') },
  },
  {
    status: 413,
    description: `An event over ${MAX_EVENT_BYTES / 1024} KB, a body over ${MAX_BODY_BYTES / 1024} KB or a batch over ${MAX_BATCH_EVENTS.toLocaleString('en')} events`,
    examples: { payload_too_large: eventTooLarge() },
  },
  {
    status: 429,
    description: 'Rate limit of the API key exceeded; retry after Retry-After',
    examples: {
      rate_limited: new CoilError('rate_limited', 'rate_limited', 'Rate limit exceeded for this API key', { retry_after_seconds: 1 }),
    },
  },
  {
    status: 503,
    description: 'The event queue is unreachable: nothing was accepted, retry',
    examples: {
      queue_unavailable: new CoilError('service_unavailable', 'queue_unavailable', 'The event queue is unavailable; retry later'),
    },
  },
];

// JSON is also read from text/plain, which analytics.js and sendBeacon send.
const JSON_TYPES = ['application/json', 'text/plain'];
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Documents one ingest route: its purpose, an example body from the client docs, and answers. */
export function ApiIngestRoute({ summary, example }: IngestRouteDoc, reply: IngestReply, body: IngestRouteInfo['body']): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiBasicAuth(),
    ApiConsumes(...(body === 'json-or-form' ? [FORM_TYPE, ...JSON_TYPES] : JSON_TYPES)),
    ApiBody({ schema: { type: 'object', additionalProperties: true }, examples: { example: { summary, value: example } } }),
    ApiResponse({
      status: reply.status,
      description: 'Accepted: every event is durably queued (rejected batch entries are listed)',
      schema: { type: 'object', example: reply.example },
    }),
    ApiErrorResponses(ERRORS),
  );
}
