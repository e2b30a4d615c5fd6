import { readPages, startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

let api: ApiHarness;
let accountId: string;
let otherAccountId: string;
/** The account's people with their engagement score (0: never scored). */
const scores = new Map<string, number>();

beforeAll(async () => {
  api = await startApi();
  const seed = new Seed(api.prisma, api.workspace.workspace_id);
  const profile = await seed.defaultProfile();
  const admins = await seed.profile('admins');
  accountId = await seed.account({ trackingId: 'people-acct', domain: 'people.example' });
  otherAccountId = await seed.account({ trackingId: 'people-other', domain: 'shared.example' });
  await seed.account({ trackingId: 'people-twin', domain: 'shared.example' });
  // Ties on purpose (the id breaks them, descending); one user never scored sorts as 0.
  for (const [index, score] of [40, 90, 40, null, 10.5, 40].entries()) {
    const userId = await seed.user(`person-${index}`, { name: `Person ${index}`, email: `p${index}@people.example` });
    await seed.member(accountId, userId);
    if (score !== null) {
      await seed.userScore(profile, userId, '2025-09-20', { engagementScore: score / 2 });
      await seed.userScore(profile, userId, '2025-09-21', { engagementScore: score, change: score / 2, frequency: 3 });
      await seed.userScore(admins, userId, '2025-09-21', { engagementScore: 100 - score });
    }
    scores.set(userId, score ?? 0);
  }
  // A member of the other account only: never one of this account's people.
  await seed.member(otherAccountId, await seed.user('outsider'));
});
afterAll(() => api.close());

type Person = { id: string; external_id: string; name: string | null; email: string | null; metrics: Record<string, unknown> };
type Page = { data: Person[]; next_cursor: string | null; _links: { self: { href: string }; next: { href: string } | null } };

const base = () => `/v1/accounts/users?workspace_id=${api.workspace.workspace_id}`;

async function readAll(first: string): Promise<{ people: Person[]; pages: number }> {
  const { items, pages } = await readPages(api, first, (page: Page) => page.data);
  return { people: items, pages };
}

function expectedOrder(): string[] {
  return [...scores.entries()].sort(([idA, a], [idB, b]) => b - a || Number(idB) - Number(idA)).map(([id]) => id);
}

describe('GET /v1/accounts/users', () => {
  it.each([2, 4, 500])('limit=%i pages through every person exactly once, by score then id, descending', async (limit) => {
    const { people, pages } = await readAll(`${base()}&id=${accountId}&limit=${limit}`);
    expect(people.map((person) => person.id)).toEqual(expectedOrder());
    expect(pages).toBe(Math.ceil(scores.size / limit));
  });

  it('serves each person with the metrics GET /v1/users serves for that user, in either profile', async () => {
    for (const profile of ['', '&profile=admins']) {
      const { people } = await readAll(`${base()}&match_type=tracking_id&match_value=people-acct${profile}`);
      expect(people).toHaveLength(scores.size);
      for (const person of people) {
        const user = await api.get(`/v1/users?workspace_id=${api.workspace.workspace_id}&id=${person.id}${profile}`);
        const { id, external_id, name, email, metrics } = user.body;
        expect(person).toEqual({ id, external_id, name, email, metrics });
      }
    }
    const top = ((await api.get(`${base()}&id=${accountId}&limit=1`)).body as unknown as Page).data[0];
    expect(top).toMatchObject({ external_id: 'person-1', name: 'Person 1', email: 'p1@people.example' });
    expect(top.metrics).toMatchObject({ engagement_score: 90, engagement_score_change: 45, frequency: 3, profile: 'default' });
  });

  it('an account without people: an empty page; the links name the account by id', async () => {
    const lonely = await new Seed(api.prisma, api.workspace.workspace_id).account({ trackingId: 'people-none' });
    const response = await api.get(`${base()}&match_type=tracking_id&match_value=people-none`);
    expect(response.body).toEqual({
      data: [],
      next_cursor: null,
      _links: { self: { href: `${base()}&id=${lonely}&limit=100` }, next: null },
    });
  });

  it('404 for an unknown account, for an account of another workspace, and for a token of another workspace', async () => {
    const other = await api.admin.createWorkspace('people-other-ws');
    const foreign = await new Seed(api.prisma, other.workspace_id).account({ trackingId: 'people-foreign' });
    const notFound = { error: { message: 'Resource not found', status: 'not_found', code: 'not_found' } };
    expect((await api.get(`${base()}&id=999999999`)).body).toEqual(notFound);
    expect((await api.get(`${base()}&id=${foreign}`)).body).toEqual(notFound);
    const wrongToken = await api.get(`${base()}&id=${accountId}`, other.api_token);
    expect(wrongToken.status).toBe(404);
    expect(wrongToken.body).toEqual(notFound);
  });

  it('409 when the match names several accounts', async () => {
    const response = await api.get(`${base()}&match_type=domain&match_value=shared.example`);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      error: { code: 'ambiguous_match', details: { candidate_ids: [otherAccountId, expect.any(String)] } },
    });
  });

  it('400 for a missing lookup, a bad limit, an unknown profile, a forged cursor and a cursor of another account', async () => {
    expect((await api.get(base())).body).toMatchObject({ error: { code: 'missing_lookup_parameter' } });
    expect((await api.get(`/v1/accounts/users?id=${accountId}`)).body).toMatchObject({ error: { code: 'missing_workspace_id' } });
    for (const [query, parameter] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['profile=nobody', 'profile'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ]) {
      const response = await api.get(`${base()}&id=${accountId}&${query}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'invalid_parameter', details: { parameter } } });
    }
    const cursor = ((await api.get(`${base()}&id=${accountId}&limit=1`)).body as unknown as Page).next_cursor as string;
    const reused = await api.get(`${base()}&id=${otherAccountId}&cursor=${cursor}`);
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ error: { code: 'invalid_parameter', details: { parameter: 'cursor' } } });
  });
});
