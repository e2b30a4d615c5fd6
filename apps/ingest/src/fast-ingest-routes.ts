import { INGEST_ROUTES } from '@coil/domain';
import type { FastRoutes } from '@coil/http';
import { type IngestHandler, replyOf } from './ingest-handler';

/** Every path of the route table (aliases included) on the fast routes, answered by the one IngestHandler. */
export function mountFastIngestRoutes(fastRoutes: FastRoutes, handler: IngestHandler): void {
  for (const info of INGEST_ROUTES) {
    const { status } = replyOf(info.route);
    for (const path of [info.path, ...info.aliases]) {
      fastRoutes.add(path, async (request) => ({
        status,
        body: await handler.reply({
          route: info.route,
          authorization: request.headers.authorization,
          body: request.body,
          bodyBytes: request.bodyBytes,
          bodyFormat: request.bodyFormat,
        }),
      }));
    }
  }
}
