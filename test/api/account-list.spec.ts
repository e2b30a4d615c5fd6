import { readPages, startApi, type ApiHarness } from './api-harness';
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
  const first = `/v1/accounts/list?workspace_id=${api.workspace.workspace_id}&sort=engagement_score&order=${order}&limit=${limit}`;
  const { items, pages } = await readPages(api, first, (page: Page) => page.data);
  return { ids: items.map((account) => account.id), pages };
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
    expect((await api.get(`${base}&sort=owner_name`)).body).toMatchObject({
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

type Sortable = {
  engagement_score: number;
  engagement_score_change: number | null;
  raw_score: number;
  name: string | null;
  domain: string | null;
  active_users: number;
  total_people_count: number;
  last_seen: string | null;
};

interface Listed {
  id: string;
  name: string | null;
  segments?: { id: string; name: string; entered_at: string }[];
  history?: { day: string; engagement_score: number }[];
}

type ListPage = { data: Listed[]; next_cursor: string | null; _links: { next: { href: string } | null } };

/** Each sort column of every account, as the API should compare it (text in lower case; DB collation C). */
const SORTS = [
  'engagement_score',
  'engagement_score_change',
  'raw_score',
  'name',
  'domain',
  'active_users',
  'total_people_count',
  'last_seen',
] as const satisfies readonly (keyof Sortable)[];

describe('GET /v1/accounts/list: every sort, filters and expansions', () => {
  let listApi: ApiHarness;
  const values = new Map<string, Sortable>();
  let atRisk: string;
  let churned: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    listApi = await startApi({ now: () => new Date('2025-09-21T12:00:00Z') });
    const seed = new Seed(listApi.prisma, listApi.workspace.workspace_id);
    const profile = await seed.defaultProfile();
    // Duplicates and nulls in every column; names differing only in case; one never scored, one scored only days ago.
    const accounts: [
      string,
      string | null,
      string | null,
      { score: number; change: number | null; users: number; people: number; day: string } | null,
    ][] = [
      ['acme', 'Acme', 'acme.com', { score: 50, change: 2, users: 3, people: 4, day: '2025-09-21' }],
      ['acme2', 'ACME', 'Acme.io', { score: 50, change: null, users: 3, people: 9, day: '2025-09-21' }],
      ['beta', 'beta', null, { score: 12.5, change: -4.5, users: 0, people: 4, day: '2025-09-21' }],
      ['gamma', null, 'gamma.org', { score: 99, change: 2, users: 7, people: 0, day: '2025-09-21' }],
      ['delta', 'Delta 100% Inc', 'delta.com', { score: 12.5, change: null, users: 3, people: 4, day: '2025-09-19' }],
      ['eps', 'eps_ilon', 'acme.com', null],
      ['zeta', null, null, { score: 73.2, change: 10, users: 1, people: 2, day: '2025-09-20' }],
      ['eta', 'Eta', 'eta.net', null],
      ['theta', 'back\\slash', 'theta.io', { score: 5, change: -4.5, users: 7, people: 9, day: '2025-09-21' }],
    ];
    for (const [key, name, domain, score] of accounts) {
      const id = await seed.account({ trackingId: `sorted-${key}`, ...(name && { name }), ...(domain && { domain }) });
      ids[key] = id;
      if (score) {
        // An older row first: the latest must win.
        await seed.score(profile, id, '2025-09-10', { engagementScore: 1, change: 1, activeUsers: 100, totalPeople: 100 });
        await seed.score(profile, id, score.day, {
          engagementScore: score.score,
          change: score.change,
          activeUsers: score.users,
          totalPeople: score.people,
          lastSeen: score.day,
        });
      }
      values.set(id, {
        engagement_score: score?.score ?? 0,
        engagement_score_change: score ? score.change : null,
        raw_score: (score?.score ?? 0) * 10,
        name: name?.toLowerCase() ?? null,
        domain: domain?.toLowerCase() ?? null,
        active_users: score?.users ?? 0,
        total_people_count: score?.people ?? 0,
        last_seen: score?.day ?? null,
      });
    }
    atRisk = await seed.segment('At risk', ids.acme, '2025-09-01T00:00:00Z');
    await seed.segment('At risk', ids.beta, '2025-09-02T00:00:00Z');
    await seed.segment('At risk', ids.eps, '2025-09-03T00:00:00Z');
    await seed.segment('At risk', ids.gamma, '2025-09-01T00:00:00Z', '2025-09-05T00:00:00Z');
    churned = await seed.segment('Churned', ids.acme, '2025-09-04T00:00:00Z');
  });
  afterAll(() => listApi.close());

  const base = () => `/v1/accounts/list?workspace_id=${listApi.workspace.workspace_id}`;

  async function readAll(query: string, limit: number): Promise<Listed[]> {
    return (await readPages(listApi, `${base()}&${query}&limit=${limit}`, (page: ListPage) => page.data)).items;
  }

  /** Nulls last in both orders; ties by id in the same order. */
  function reference(sort: keyof Sortable, order: 'asc' | 'desc', only: (id: string) => boolean = () => true): string[] {
    const sign = order === 'asc' ? 1 : -1;
    return [...values.entries()]
      .filter(([id]) => only(id))
      .sort(([idA, a], [idB, b]) => {
        const [x, y] = [a[sort], b[sort]];
        if (x === null || y === null) return x === y ? sign * (Number(idA) - Number(idB)) : x === null ? 1 : -1;
        return sign * (x < y ? -1 : x > y ? 1 : 0) || sign * (Number(idA) - Number(idB));
      })
      .map(([id]) => id);
  }

  it.each(SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order] as const)))(
    'sort=%s order=%s pages through every account once, nulls last, ties by id',
    async (sort, order) => {
      for (const limit of [2, 3]) {
        const items = await readAll(`sort=${sort}&order=${order}`, limit);
        expect(items.map((item) => item.id)).toEqual(reference(sort, order));
      }
    },
  );

  it('filters by a current segment and by text in the name or domain, both together', async () => {
    const inSegment = await readAll(`segment=${atRisk}&sort=name&order=asc`, 2);
    expect(inSegment.map((item) => item.id)).toEqual([ids.acme, ids.beta, ids.eps]);

    const byText = await readAll('q=ACME&sort=domain&order=asc', 1);
    expect(byText.map((item) => item.id)).toEqual(reference('domain', 'asc', (id) => [ids.acme, ids.acme2, ids.eps].includes(id)));

    const both = await readAll(`q=acme&segment=${atRisk}`, 1);
    expect(both.map((item) => item.id)).toEqual([ids.acme, ids.eps]);
  });

  it('matches %, _ and \\ literally in q', async () => {
    expect((await readAll('q=%25', 5)).map((item) => item.id)).toEqual([ids.delta]);
    expect((await readAll('q=_', 5)).map((item) => item.id)).toEqual([ids.eps]);
    expect((await readAll('q=k%5Cs', 5)).map((item) => item.id)).toEqual([ids.theta]);
  });

  it('expands segments (current, by name) and the 30-day history, oldest first', async () => {
    const items = await readAll('expand=segments,history&sort=name&order=asc', 100);
    const acme = items.find((item) => item.id === ids.acme);
    expect(acme?.segments).toEqual([
      { id: atRisk, name: 'At risk', entered_at: '2025-09-01T00:00:00Z' },
      { id: churned, name: 'Churned', entered_at: '2025-09-04T00:00:00Z' },
    ]);
    expect(acme?.history).toEqual([
      { day: '2025-09-10', engagement_score: 1 },
      { day: '2025-09-21', engagement_score: 50 },
    ]);
    const gamma = items.find((item) => item.id === ids.gamma);
    expect(gamma?.segments).toEqual([]);
    expect(items.find((item) => item.id === ids.eta)?.history).toEqual([]);
    expect(items.every((item) => item.segments && item.history)).toBe(true);
    const plain = await readAll('sort=name', 100);
    expect(plain.some((item) => 'segments' in item || 'history' in item)).toBe(false);
  });

  it('refuses a cursor replayed with another sort, segment or q, and answers 404 for an unknown segment', async () => {
    const first = await listApi.get(`${base()}&sort=name&q=a&limit=1`);
    const cursor = (first.body as unknown as ListPage).next_cursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect((await listApi.get(`${base()}&sort=name&q=a&cursor=${cursor}`)).status).toBe(200);
    for (const other of ['sort=name&q=ac', 'sort=name', `sort=name&q=a&segment=${atRisk}`, 'sort=domain&q=a', 'sort=name&q=a&order=asc']) {
      const response = await listApi.get(`${base()}&${other}&cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'invalid_parameter', details: { parameter: 'cursor' } } });
    }
    const unknown = await listApi.get(`${base()}&segment=999999999`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'not_found', message: 'Segment not found' } });
  });

  it('validates q, segment and expand', async () => {
    for (const [query, parameter] of [
      ['q=', 'q'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['segment=abc', 'segment'],
      ['expand=traits', 'expand'],
    ]) {
      expect((await listApi.get(`${base()}&${query}`)).body).toMatchObject({
        error: { code: 'invalid_parameter', details: { parameter } },
      });
    }
  });
});
