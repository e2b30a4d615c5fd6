import { Inject, Injectable } from '@nestjs/common';
import { CoilError, ingestRouteInfo, type IngestRoute } from '@coil/domain';
import { httpStatusOf } from '@coil/http';
import { IngestService, type IngestOutcome, type IngestRequest } from '@coil/ingestion';
import { counter } from '@coil/platform';

const requests = counter('coil_ingest_requests_total', 'Ingest requests by route and HTTP status', ['route', 'status']);
const events = counter('coil_ingest_events_total', 'Ingest events by route and result', ['route', 'result']);

/** How a route answers an accepted request: its HTTP status and the body its clients expect. */
export interface IngestReply {
  readonly status: 200 | 202;
  body(outcome: IngestOutcome, request: IngestRequest): Record<string, unknown>;
  /** The body documented in OpenAPI. */
  readonly example: Record<string, unknown>;
}

/** What Segment and Accoil clients get; rejected entries only when there are some. */
const ACCEPTED: IngestReply = {
  status: 202,
  body: (outcome) =>
    outcome.rejected.length === 0 ? { success: true } : { success: true, accepted: outcome.accepted, rejected: outcome.rejected },
  example: { success: true },
};

/**
 * @amplitude/analytics-node and -browser treat only a 200 with `code: 200` as delivered; the
 * Batch API answers the same, the Identify APIs a 200 (Amplitude's body there is the text `success`).
 */
const AMPLITUDE_HTTP_API: IngestReply = {
  status: 200,
  body: (outcome, request) => ({
    code: 200,
    events_ingested: outcome.accepted,
    payload_size_bytes: request.bodyBytes,
    server_upload_time: Date.now(),
    ...(outcome.rejected.length > 0 ? { rejected: outcome.rejected } : {}),
  }),
  example: { code: 200, events_ingested: 1 },
};

export function replyOf(route: IngestRoute): IngestReply {
  return ingestRouteInfo(route).reply === 'amplitude' ? AMPLITUDE_HTTP_API : ACCEPTED;
}

/**
 * Shared by every ingest route, on Fastify and on the fast routes alike: request ->
 * IngestService -> the route's reply, with metrics on the way out.
 */
@Injectable()
export class IngestHandler {
  constructor(@Inject(IngestService) private readonly service: IngestService) {}

  async reply(request: IngestRequest): Promise<Record<string, unknown>> {
    return replyOf(request.route).body(await this.handle(request), request);
  }

  private async handle(request: IngestRequest): Promise<IngestOutcome> {
    const { route } = request;
    try {
      if (request.body === undefined || request.body === null) {
        throw new CoilError('bad_request', 'invalid_json', 'Request body is required');
      }
      const outcome = await this.service.accept(request);
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
