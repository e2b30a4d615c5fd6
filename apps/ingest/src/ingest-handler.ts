import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CoilError, type IngestRoute } from '@coil/domain';
import { bodyBytes, httpStatusOf } from '@coil/http';
import { IngestService, type IngestOutcome } from '@coil/ingestion';
import { counter } from '@coil/platform';

const requests = counter('coil_ingest_requests_total', 'Ingest requests by route and HTTP status', [
  'route',
  'status',
]);
const events = counter('coil_ingest_events_total', 'Ingest events by route and result', ['route', 'result']);

/** Shared by the three controllers: request -> IngestService, with metrics on the way out. */
@Injectable()
export class IngestHandler {
  constructor(@Inject(IngestService) private readonly service: IngestService) {}

  /** handle() answered the way Segment and Accoil clients expect. */
  async accept(route: IngestRoute, request: FastifyRequest): Promise<Record<string, unknown>> {
    return acceptedBody(await this.handle(route, request));
  }

  async handle(route: IngestRoute, request: FastifyRequest): Promise<IngestOutcome> {
    try {
      if (request.body === undefined || request.body === null) {
        throw new CoilError('bad_request', 'invalid_json', 'Request body is required');
      }
      const outcome = await this.service.accept({
        route,
        authorization: request.headers.authorization,
        body: request.body,
        bodyBytes: bodyBytes(request),
      });
      requests.inc({ route, status: '2xx' });
      events.inc({ route, result: 'accepted' }, outcome.accepted);
      if (outcome.rejected.length > 0) events.inc({ route, result: 'rejected' }, outcome.rejected.length);
      return outcome;
    } catch (error) {
      const status = error instanceof CoilError ? String(httpStatusOf(error.status)) : '500';
      requests.inc({ route, status });
      throw error;
    }
  }
}

/** The small body Segment and Accoil clients get; rejected entries only when there are some. */
function acceptedBody(outcome: IngestOutcome): Record<string, unknown> {
  return outcome.rejected.length === 0
    ? { success: true }
    : { success: true, accepted: outcome.accepted, rejected: outcome.rejected };
}
