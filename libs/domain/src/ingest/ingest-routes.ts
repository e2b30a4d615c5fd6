import { CoilError } from '../errors';

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
  | '2/httpapi'
  | 'batch'
  | 'identify'
  | 'groupidentify';

export type IngestClientFamily = 'segment' | 'accoil' | 'amplitude';

export interface IngestRouteInfo {
  route: IngestRoute;
  method: 'POST';
  path: string;
  /**
   * More paths with the same semantics: analytics.js (@segment/analytics-next) posts each call to
   * `<apiHost>/<first letter of its type>` and batches to `<apiHost>/b`.
   */
  aliases: readonly string[];
  family: IngestClientFamily;
  /** Batch routes answer with per-event rejections instead of failing the whole request. */
  batch: 'always' | 'never' | 'when-array';
  /** Amplitude's Identify APIs post forms (application/x-www-form-urlencoded); every route takes JSON. */
  body: 'json' | 'json-or-form';
  /** What the route's clients expect of an accepted request: a 2xx, or Amplitude's `200 {code: 200}`. */
  reply: 'accepted' | 'amplitude';
}

type RouteRow = Pick<IngestRouteInfo, 'route' | 'family' | 'batch'> & Partial<Pick<IngestRouteInfo, 'aliases' | 'body' | 'reply'>>;

const ROWS: readonly RouteRow[] = [
  { route: 'segment', family: 'segment', batch: 'never' },
  { route: 'v1/identify', family: 'segment', batch: 'never', aliases: ['/v1/i'] },
  { route: 'v1/track', family: 'segment', batch: 'never', aliases: ['/v1/t'] },
  { route: 'v1/page', family: 'segment', batch: 'never', aliases: ['/v1/p'] },
  { route: 'v1/screen', family: 'segment', batch: 'never', aliases: ['/v1/s'] },
  { route: 'v1/group', family: 'segment', batch: 'never', aliases: ['/v1/g'] },
  { route: 'v1/alias', family: 'segment', batch: 'never', aliases: ['/v1/a'] },
  { route: 'v1/batch', family: 'segment', batch: 'always', aliases: ['/v1/b'] },
  { route: 'v2/identify', family: 'accoil', batch: 'never' },
  { route: 'v2/group', family: 'accoil', batch: 'never' },
  { route: 'v2/track', family: 'accoil', batch: 'never' },
  { route: 'v1/users', family: 'accoil', batch: 'never' },
  { route: 'v1/groups', family: 'accoil', batch: 'never' },
  { route: 'v1/events', family: 'accoil', batch: 'never' },
  { route: 'amplitude', family: 'amplitude', batch: 'when-array' },
  { route: '2/httpapi', family: 'amplitude', batch: 'always', reply: 'amplitude' },
  // Amplitude's Batch Event Upload, Identify and Group Identify APIs.
  { route: 'batch', family: 'amplitude', batch: 'always', reply: 'amplitude' },
  { route: 'identify', family: 'amplitude', batch: 'when-array', body: 'json-or-form', reply: 'amplitude' },
  { route: 'groupidentify', family: 'amplitude', batch: 'when-array', body: 'json-or-form', reply: 'amplitude' },
];

export const INGEST_ROUTES: readonly IngestRouteInfo[] = ROWS.map((row) => ({
  method: 'POST',
  path: `/${row.route}`,
  aliases: [],
  body: 'json',
  reply: 'accepted',
  ...row,
}));

const INFO = new Map(INGEST_ROUTES.map((info) => [info.route, info]));

export function ingestRouteInfo(route: IngestRoute): IngestRouteInfo {
  return INFO.get(route)!;
}

/** A route whose body may hold several events: the event limit then applies to each, not to the body. */
export function isBatchRoute(route: IngestRoute): boolean {
  return ingestRouteInfo(route).batch !== 'never';
}

/** The one answer to a body whose content type its route does not read (the body parser's and the form check's). */
export function unsupportedContentType(): CoilError {
  return new CoilError('bad_request', 'invalid_json', 'Content-Type must be application/json');
}
