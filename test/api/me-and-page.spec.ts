import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi, type ApiHarness } from './api-harness';

describe('GET /v1/me', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it("answers the token's workspace id and name", async () => {
    const [{ name }] = await api.prisma.$queryRawUnsafe<{ name: string }[]>(
      'SELECT name FROM workspaces WHERE workspace_id = $1::bigint',
      api.workspace.workspace_id,
    );
    const response = await api.get('/v1/me');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ workspace_id: api.workspace.workspace_id, workspace_name: name });
    expect(name).toMatch(/^api-test-/);
  });

  it('refuses a missing, wrong or revoked token with 401 and the error body', async () => {
    const other = await api.admin.createToken(api.workspace.workspace_id);
    await api.admin.revokeToken(api.workspace.workspace_id, { id: other.id });
    for (const token of [null, 'not-a-token', other.api_token]) {
      const response = await api.get('/v1/me', token);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { message: 'Invalid or expired token', status: 'unauthorized', code: 'unauthorized' } });
    }
  });
});

describe('the page at / and /app/*', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-page-'));
  let api: ApiHarness;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Coil</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    api = await startApi({ dashboardDir: dir });
  });
  afterAll(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function fetchPage(url: string) {
    return api.app.inject({ method: 'GET', url });
  }

  it('serves index.html at / and at every client-side route, revalidated, with a strict policy', async () => {
    for (const url of ['/', '/app', '/app/accounts/42', '/app/feed?kind=activated']) {
      const response = await fetchPage(url);
      expect([url, response.statusCode, response.headers['content-type']]).toEqual([url, 200, 'text/html; charset=utf-8']);
      expect(response.body).toBe('<!doctype html><title>Coil</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('serves hashed assets as immutable, and leaves the API and unknown paths to their own answers', async () => {
    const asset = await fetchPage('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await fetchPage('/assets/nope.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const apiRoute = await fetchPage('/v1/me');
    expect(apiRoute.statusCode).toBe(401);
  });
});

describe('the page before a build', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ dashboardDir: path.join(os.tmpdir(), 'coil-no-such-build') });
  });
  afterAll(() => api.close());

  it('answers / with 503 saying how to build it, and the API still serves', async () => {
    const page = await api.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.json()).toEqual({
      error: {
        message: 'The dashboard is not built: run `npm run build` and restart',
        status: 'service_unavailable',
        code: 'service_unavailable',
      },
    });
    expect((await api.get('/v1/me')).status).toBe(200);
  });
});
