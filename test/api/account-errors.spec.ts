import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

let api: ApiHarness;
let workspaceId: string;
let accountId: string;

beforeAll(async () => {
  api = await startApi({}, 1000);
  workspaceId = api.workspace.workspace_id;
  const seed = new Seed(api.prisma, workspaceId);
  accountId = await seed.account({ trackingId: 'err-1', domain: 'twin.example' });
  await seed.account({ trackingId: 'err-2', domain: 'twin.example' });
});
afterAll(() => api.close());

function error(status: string, code: string, message: string, details?: Record<string, unknown>) {
  return { error: { message, status, code, ...(details && { details }) } };
}

describe('GET /v1/accounts errors', () => {
  it('400 missing_lookup_parameter names the lookups available', async () => {
    const response = await api.get(`/v1/accounts?workspace_id=${workspaceId}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(
      error('bad_request', 'missing_lookup_parameter', 'At least one lookup parameter is required', {
        available_parameters: ['id', 'match_type/match_value pairs'],
      }),
    );
  });

  it('400 missing_workspace_id', async () => {
    const response = await api.get(`/v1/accounts?id=${accountId}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(error('bad_request', 'missing_workspace_id', 'workspace_id is required', { parameter: 'workspace_id' }));
  });

  it.each([
    ['workspace_id=abc&id=1', 'workspace_id', 'must be a numeric workspace id'],
    ['id=12x', 'id', 'must be a numeric account id'],
    ['match_type=bad%20type&match_value=x', 'match_type', 'must be a field or trait name (letters, digits, _ . : -, at most 64)'],
    ['match_type=domain&match_value=', 'match_value', 'must be a non-empty text of at most 512 characters'],
    ['id=1&id=2', 'id', 'must be a numeric account id'],
    ['match_type=domain', 'match_value', 'is required with match_type'],
  ])('400 invalid_parameter for %s says which parameter and why', async (query, parameter, reason) => {
    const path = query.startsWith('workspace_id') ? `/v1/accounts?${query}` : `/v1/accounts?workspace_id=${workspaceId}&${query}`;
    const response = await api.get(path);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(error('bad_request', 'invalid_parameter', `${parameter} ${reason}`, { parameter, reason }));
  });

  it.each([
    ['no header', null],
    ['an unknown token', 'coil_rt_unknown'],
    ['an ingest key', 'ingest'],
  ])('401 unauthorized with %s', async (_case, token) => {
    const response = await api.get(
      `/v1/accounts?workspace_id=${workspaceId}&id=${accountId}`,
      token === 'ingest' ? api.workspace.api_key : token,
    );
    expect(response.status).toBe(401);
    expect(response.body).toEqual(error('unauthorized', 'unauthorized', 'Invalid or expired token'));
  });

  it('401 before 400: a request without a token learns nothing about its parameters', async () => {
    const response = await api.get('/v1/accounts', null);
    expect(response.status).toBe(401);
  });

  it('404 not_found for an unknown account', async () => {
    const response = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=999999999`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual(error('not_found', 'not_found', 'Resource not found'));
  });

  it('404 not_found, the same body, for a valid token of another workspace', async () => {
    const other = await api.admin.createWorkspace('errors-other');
    const existing = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=${accountId}`, other.api_token);
    const missing = await api.get(`/v1/accounts?workspace_id=${workspaceId}&id=999999999`, other.api_token);
    expect(existing.status).toBe(404);
    expect(existing.body).toEqual(error('not_found', 'not_found', 'Resource not found'));
    expect(missing.body).toEqual(existing.body);
  });

  it('409 ambiguous_match lists the candidate ids', async () => {
    const response = await api.get(`/v1/accounts?workspace_id=${workspaceId}&match_type=domain&match_value=twin.example`);
    expect(response.status).toBe(409);
    const ids = (
      await api.prisma.account.findMany({ where: { workspaceId: BigInt(workspaceId), domain: 'twin.example' }, orderBy: { id: 'asc' } })
    ).map((a) => a.id.toString());
    expect(response.body).toEqual(
      error('conflict', 'ambiguous_match', '2 accounts match this domain; repeat the request with id set to one of details.candidate_ids', {
        candidate_ids: ids,
        more_candidates: false,
      }),
    );
  });
});

describe('rate limit', () => {
  let limited: ApiHarness;
  beforeAll(async () => {
    limited = await startApi({}, 2);
  });
  afterAll(() => limited.close());

  it('429 rate_limited with Retry-After once the token bucket of the token is empty', async () => {
    const path = `/v1/accounts?workspace_id=${limited.workspace.workspace_id}&id=1`;
    const statuses = [];
    for (let i = 0; i < 2; i += 1) statuses.push((await limited.get(path)).status);
    const response = await limited.get(path);
    expect(statuses).toEqual([404, 404]);
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body).toEqual(error('rate_limited', 'rate_limited', 'Too many requests for this token', { retry_after_seconds: 1 }));
    // Another token of the same workspace has its own bucket.
    const second = await limited.admin.createToken(limited.workspace.workspace_id);
    expect((await limited.get(path, second.api_token)).status).toBe(404);
  });
});
