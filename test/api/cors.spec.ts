import { startApi, type ApiHarness } from './api-harness';

const DASHBOARD_ORIGIN = 'https://dash.example.com';

const preflight = (api: ApiHarness, origin: string) =>
  api.app.inject({
    method: 'OPTIONS',
    url: '/v1/me',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });

const getMe = (api: ApiHarness, origin: string, token: string | null) =>
  api.app.inject({ method: 'GET', url: '/v1/me', headers: { origin, ...(token === null ? {} : { authorization: `Bearer ${token}` }) } });

// Read tokens are secrets: no page of another origin may use them unless API_CORS_ORIGINS says so.
describe('read API CORS, closed by default', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('answers no preflight and sets no Access-Control-Allow-Origin, even on a good request', async () => {
    const response = await preflight(api, DASHBOARD_ORIGIN);
    expect(response.statusCode).toBe(404);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const me = await getMe(api, DASHBOARD_ORIGIN, api.workspace.api_token);
    expect(me.statusCode).toBe(200);
    expect(me.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('read API CORS, opened with API_CORS_ORIGINS', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({}, 10_000, { apiCorsOrigins: [DASHBOARD_ORIGIN] });
  });
  afterAll(() => api.close());

  it('allows the listed origin to send its bearer token, answers and errors alike; others get nothing', async () => {
    const response = await preflight(api, DASHBOARD_ORIGIN);
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': DASHBOARD_ORIGIN,
      'access-control-allow-methods': 'GET, OPTIONS',
      'access-control-allow-headers': 'authorization',
      'access-control-max-age': '7200',
    });
    const me = await getMe(api, DASHBOARD_ORIGIN, api.workspace.api_token);
    expect(me.statusCode).toBe(200);
    expect(me.headers['access-control-allow-origin']).toBe(DASHBOARD_ORIGIN);
    const unauthorized = await getMe(api, DASHBOARD_ORIGIN, null);
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.headers['access-control-allow-origin']).toBe(DASHBOARD_ORIGIN);
    expect((await preflight(api, 'https://evil.example.net')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await getMe(api, 'https://evil.example.net', api.workspace.api_token)).headers['access-control-allow-origin']).toBeUndefined();
  });
});
