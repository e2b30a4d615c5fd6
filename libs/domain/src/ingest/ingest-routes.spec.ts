import { INGEST_ROUTES, isBatchRoute, type IngestRoute } from './ingest-routes';

describe('INGEST_ROUTES', () => {
  it('lists every route once, each at its HTTP path', () => {
    const routes: IngestRoute[] = INGEST_ROUTES.map((r) => r.route);
    expect(new Set(routes).size).toBe(16);
    for (const { route, path } of INGEST_ROUTES) expect(path).toBe(`/${route}`);
  });

  it('makes batch routes of those whose body may hold several events', () => {
    expect(INGEST_ROUTES.filter((info) => isBatchRoute(info.route)).map((info) => info.route)).toEqual([
      'v1/batch',
      'amplitude',
      '2/httpapi',
    ]);
  });
});
