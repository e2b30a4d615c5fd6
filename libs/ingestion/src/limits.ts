import type { IngestRoute } from '@coil/domain';

/** ingest.md, "Limits and bad input". */
export const SINGLE_EVENT_MAX_BYTES = 32 * 1024;
export const BATCH_MAX_BYTES = 500 * 1024;

const BATCH_ROUTES: ReadonlySet<IngestRoute> = new Set<IngestRoute>(['v1/batch', '2/httpapi', 'amplitude']);

export function isBatchRoute(route: IngestRoute): boolean {
  return BATCH_ROUTES.has(route);
}
