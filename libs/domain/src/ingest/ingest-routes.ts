/** Every ingest route Coil answers ; the HTTP layer mounts them from INGEST_ROUTES. */
export type IngestRoute =
  | 'segment'
  | 'v1/identify'
  | 'v1/track'
  | 'v1/page'
  | 'v1/screen'
  | 'v1/group'
  | 'v1/alias'
  | 'v1/batch'
  | 'v2/identify'
  | 'v2/group'
  | 'v2/track'
  | 'v1/users'
  | 'v1/groups'
  | 'v1/events'
  | 'amplitude'
  | '2/httpapi';

export type IngestClientFamily = 'segment' | 'accoil' | 'amplitude';

export interface IngestRouteInfo {
  route: IngestRoute;
  method: 'POST';
  path: string;
  family: IngestClientFamily;
  /** Batch routes answer with per-event rejections instead of failing the whole request. */
  batch: 'always' | 'never' | 'when-array';
}

export const INGEST_ROUTES: readonly IngestRouteInfo[] = [
  { route: 'segment', method: 'POST', path: '/segment', family: 'segment', batch: 'never' },
  { route: 'v1/identify', method: 'POST', path: '/v1/identify', family: 'segment', batch: 'never' },
  { route: 'v1/track', method: 'POST', path: '/v1/track', family: 'segment', batch: 'never' },
  { route: 'v1/page', method: 'POST', path: '/v1/page', family: 'segment', batch: 'never' },
  { route: 'v1/screen', method: 'POST', path: '/v1/screen', family: 'segment', batch: 'never' },
  { route: 'v1/group', method: 'POST', path: '/v1/group', family: 'segment', batch: 'never' },
  { route: 'v1/alias', method: 'POST', path: '/v1/alias', family: 'segment', batch: 'never' },
  { route: 'v1/batch', method: 'POST', path: '/v1/batch', family: 'segment', batch: 'always' },
  { route: 'v2/identify', method: 'POST', path: '/v2/identify', family: 'accoil', batch: 'never' },
  { route: 'v2/group', method: 'POST', path: '/v2/group', family: 'accoil', batch: 'never' },
  { route: 'v2/track', method: 'POST', path: '/v2/track', family: 'accoil', batch: 'never' },
  { route: 'v1/users', method: 'POST', path: '/v1/users', family: 'accoil', batch: 'never' },
  { route: 'v1/groups', method: 'POST', path: '/v1/groups', family: 'accoil', batch: 'never' },
  { route: 'v1/events', method: 'POST', path: '/v1/events', family: 'accoil', batch: 'never' },
  { route: 'amplitude', method: 'POST', path: '/amplitude', family: 'amplitude', batch: 'when-array' },
  { route: '2/httpapi', method: 'POST', path: '/2/httpapi', family: 'amplitude', batch: 'always' },
];

const BATCH_FLAG = new Map(INGEST_ROUTES.map((info) => [info.route, info.batch]));

/** A route whose body may hold several events: the event limit then applies to each, not to the body. */
export function isBatchRoute(route: IngestRoute): boolean {
  return BATCH_FLAG.get(route) !== 'never';
}
