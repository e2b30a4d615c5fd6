import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

let api: ApiHarness;
let scores: Map<string, number>;

beforeAll(async () => {
  api = await startApi();
  const seed = new Seed(api.prisma, api.workspace.workspace_id);
  const profile = await seed.defaultProfile();
  scores = new Map();
  // Ties on purpose: the id breaks them; one account never scored sorts as 0.
  const values = [50, 12.5, 50, 99, 1, 50, 73.2, 12.5, 88, 30, 50, 5];
  for (const [index, value] of values.entries()) {
    const id = await seed.account({ trackingId: `list-${index}` });
    await seed.score(profile, id, '2025-09-20', { engagementScore: value / 2 });
    await seed.score(profile, id, '2025-09-21', { engagementScore: value });
    scores.set(id, value);
  }
  scores.set(await seed.account({ trackingId: 'list-unscored' }), 0);
});
afterAll(() => api.close());

type Page = {
  data: { id: string; metrics: { engagement_score: number } }[];
  next_cursor: string | null;
  _links: { next: { href: string } | null };
};

async function readAll(order: 'asc' | 'desc', limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let path: string | null =
    `/v1/accounts/list?workspace_id=${api.workspace.workspace_id}&sort=engagement_score&order=${order}&limit=${limit}`;
  let pages = 0;
  while (path) {
    const response = await api.get(path);
    expect(response.status).toBe(200);
    const page = response.body as unknown as Page;
    ids.push(...page.data.map((account) => account.id));
    path = page._links.next?.href ?? null;
    pages += 1;
  }
  return { ids, pages };
}

function expectedOrder(order: 'asc' | 'desc'): string[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...scores.entries()].sort(([idA, a], [idB, b]) => sign * (a - b) || sign * (Number(idA) - Number(idB))).map(([id]) => id);
}

describe('GET /v1/accounts/list', () => {
  it.each([
    ['desc', 5],
    ['asc', 4],
    ['desc', 500],
  ] as const)('order=%s limit=%i covers every account exactly once, in score order then id', async (order, limit) => {
    const { ids, pages } = await readAll(order, limit);
    expect(ids).toEqual(expectedOrder(order));
    expect(pages).toBe(Math.max(1, Math.ceil(scores.size / limit)));
  });

  it('serves the latest metrics of each account', async () => {
    const response = await api.get(`/v1/accounts/list?workspace_id=${api.workspace.workspace_id}&limit=1`);
    expect((response.body as unknown as Page).data[0].metrics.engagement_score).toBe(99);
  });

  it('refuses a cursor that is not one of ours, or made for another order', async () => {
    const first = await api.get(`/v1/accounts/list?workspace_id=${api.workspace.workspace_id}&order=asc&limit=2`);
    const cursor = (first.body as unknown as Page).next_cursor as string;
    const reused = await api.get(`/v1/accounts/list?workspace_id=${api.workspace.workspace_id}&order=desc&cursor=${cursor}`);
    const forged = await api.get(`/v1/accounts/list?workspace_id=${api.workspace.workspace_id}&cursor=bm90LWEtY3Vyc29y`);
    for (const response of [reused, forged]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'invalid_parameter', details: { parameter: 'cursor' } } });
    }
  });

  it('validates sort, order and limit, and needs the token of the workspace', async () => {
    const base = `/v1/accounts/list?workspace_id=${api.workspace.workspace_id}`;
    expect((await api.get(`${base}&sort=name`)).body).toMatchObject({
      error: { code: 'invalid_parameter', details: { parameter: 'sort' } },
    });
    expect((await api.get(`${base}&limit=0`)).body).toMatchObject({
      error: { code: 'invalid_parameter', details: { parameter: 'limit' } },
    });
    expect((await api.get(`${base}&limit=501`)).status).toBe(400);
    expect((await api.get('/v1/accounts/list')).body).toMatchObject({ error: { code: 'missing_workspace_id' } });
    expect((await api.get(base, null)).status).toBe(401);
    const other = await api.admin.createWorkspace('list-other');
    expect((await api.get(base, other.api_token)).status).toBe(404);
  });
});
