import { INGEST_ROUTES, ingestRouteInfo, isBatchRoute, type IngestRoute } from './ingest-routes';

describe('INGEST_ROUTES', () => {
  it('lists every route once, each at its HTTP path', () => {
    const routes: IngestRoute[] = INGEST_ROUTES.map((r) => r.route);
    expect(new Set(routes).size).toBe(19);
    for (const { route, path } of INGEST_ROUTES) expect(path).toBe(`/${route}`);
  });

  it('makes batch routes of those whose body may hold several events', () => {
    expect(INGEST_ROUTES.filter((info) => isBatchRoute(info.route)).map((info) => info.route)).toEqual([
      'v1/batch',
      'amplitude',
      '2/httpapi',
      'batch',
      'identify',
      'groupidentify',
    ]);
  });

  it("gives the Segment HTTP API routes analytics.js's short paths: /v1/ and the first letter of the type", () => {
    const aliased = INGEST_ROUTES.filter((info) => info.aliases.length > 0);
    expect(aliased.map((info) => info.route)).toEqual([
      'v1/identify',
      'v1/track',
      'v1/page',
      'v1/screen',
      'v1/group',
      'v1/alias',
      'v1/batch',
    ]);
    for (const info of aliased) expect(info.aliases).toEqual([`/v1/${info.route.slice('v1/'.length)[0]}`]);
    const paths = INGEST_ROUTES.flatMap((info) => [info.path, ...info.aliases]);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('takes forms only on the Identify APIs, and answers as Amplitude on its APIs', () => {
    expect(INGEST_ROUTES.filter((info) => info.body === 'json-or-form').map((info) => info.route)).toEqual(['identify', 'groupidentify']);
    expect(INGEST_ROUTES.filter((info) => info.reply === 'amplitude').map((info) => info.route)).toEqual([
      '2/httpapi',
      'batch',
      'identify',
      'groupidentify',
    ]);
    expect(ingestRouteInfo('v1/track')).toMatchObject({ method: 'POST', body: 'json', reply: 'accepted' });
  });
});
