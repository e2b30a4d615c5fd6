import { SIGNAL_KINDS, signalId, type Signal, type SignalKind, type SignalSubject } from '@coil/signals';
import { readPages, startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

type Page = { signals: Signal[]; next_cursor: string | null; _links: { self: { href: string }; next: { href: string } | null } };

let api: ApiHarness;
let workspaceId: string;
let acme: SignalSubject;
let globex: SignalSubject;
let stored: Signal[];

/** As the outbox stores them: the wire subject as jsonb, the subject's type and id as columns. */
async function store(signal: Signal): Promise<void> {
  await api.prisma.$executeRawUnsafe(
    `INSERT INTO signals (workspace_id, id, kind, subject_type, subject_id, subject, occurred_at, data)
     VALUES ($1::bigint, $2, $3, $4, $5::bigint, $6::jsonb, $7::timestamptz, $8::jsonb)`,
    signal.workspace_id,
    signal.id,
    signal.kind,
    signal.subject.type,
    signal.subject.id,
    JSON.stringify(signal.subject),
    signal.occurred_at,
    JSON.stringify(signal.data),
  );
}

function sample(workspace: string, kind: SignalKind, subject: SignalSubject, occurredAt: string, n: number): Signal {
  const base = { id: signalId(workspace, kind, subject, `t${n}`), workspace_id: workspace, subject, occurred_at: occurredAt };
  switch (kind) {
    case 'score_changed':
      return { ...base, kind, data: { profile: 'default', before: 80, after: 60 + n, change: n - 20, trend: 'cold' } };
    case 'segment_entered':
    case 'segment_exited':
      return { ...base, kind, data: { segment: { id: String(n), name: `Segment ${n}` } } };
    case 'trait_changed':
      return { ...base, kind, data: { trait: 'plan', before: 'trial', after: n % 2 === 0 ? 'pro' : null } };
    case 'feature_first_used':
      return { ...base, kind, data: { feature: { id: '7', name: 'Reports' }, event: 'Report Created' } };
    case 'activated':
      return { ...base, kind, data: { checklist: { steps: ['Report Created', 'Invite Sent>=3'], required_users: null } } };
  }
}

/** Newest first, ties on occurred_at broken by id, both descending. */
function feedOrder(signals: Signal[]): string[] {
  return [...signals]
    .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((signal) => signal.id);
}

beforeAll(async () => {
  api = await startApi();
  workspaceId = api.workspace.workspace_id;
  const seed = new Seed(api.prisma, workspaceId);
  const acmeId = await seed.account({ trackingId: 'acme-1', name: 'Acme' });
  const globexId = await seed.account({ trackingId: 'globex-1', name: 'Globex' });
  const userId = await seed.user('u-1');
  acme = { type: 'account', id: acmeId, tracking_id: 'acme-1', name: 'Acme' };
  globex = { type: 'account', id: globexId, tracking_id: 'globex-1', name: null };
  const user: SignalSubject = { type: 'user', id: userId, external_id: 'u-1', name: 'Ada' };
  const subjects = [acme, globex, user];
  stored = [];
  // Pairs share an occurred_at, so the id must break ties for the pages to be stable.
  for (let n = 0; n < 23; n += 1) {
    const at = new Date(Date.UTC(2025, 8, 20, Math.floor(n / 2), 0, 0, 123)).toISOString();
    stored.push(sample(workspaceId, SIGNAL_KINDS[Math.floor(n / 3) % SIGNAL_KINDS.length], subjects[n % 3], at, n));
  }
  for (const signal of stored) await store(signal);
  const other = await api.admin.createWorkspace('signals-other');
  await store(sample(other.workspace_id, 'activated', { ...acme }, '2025-09-21T00:00:00.000Z', 99));
});
afterAll(() => api.close());

async function walk(query: string): Promise<{ ids: string[]; pages: number; signals: Signal[] }> {
  const first = `/v1/signals?workspace_id=${workspaceId}&${query}`;
  const { items: signals, pages } = await readPages(api, first, (page: Page) => page.signals);
  return { ids: signals.map((signal) => signal.id), pages, signals };
}

describe('GET /v1/signals', () => {
  it.each([1, 4, 100])('limit=%i walks every signal once, newest first, and only this workspace', async (limit) => {
    const { ids, pages } = await walk(`limit=${limit}`);
    expect(ids).toEqual(feedOrder(stored));
    expect(new Set(ids).size).toBe(stored.length);
    expect(pages).toBe(Math.ceil(stored.length / limit));
  });

  it('serves each signal in its stored shape', async () => {
    const { signals } = await walk('limit=500');
    const byId = new Map(stored.map((signal) => [signal.id, signal]));
    for (const signal of signals) expect(signal).toEqual(byId.get(signal.id));
    expect(signals[0]).toMatchObject({ occurred_at: '2025-09-20T11:00:00.123Z', subject: { type: 'account', tracking_id: 'globex-1' } });
  });

  it('keeps the kinds of a comma list', async () => {
    const kinds = ['segment_entered', 'segment_exited'];
    const { ids } = await walk(`kind=${kinds.join(',')}&limit=2`);
    expect(ids).toEqual(feedOrder(stored.filter((signal) => kinds.includes(signal.kind))));
    expect(ids.length).toBeGreaterThan(2);
  });

  it("account_id keeps that account's own signals", async () => {
    const { ids } = await walk(`account_id=${acme.id}&limit=3`);
    expect(ids).toEqual(feedOrder(stored.filter((signal) => signal.subject.type === 'account' && signal.subject.id === acme.id)));
    expect(ids.length).toBeGreaterThan(3);
    expect((await walk('account_id=8999999999999999')).ids).toEqual([]);
  });

  it('since keeps what occurred at or after it, as a date-time with a zone or a date', async () => {
    const at = '2025-09-20T07:00:00.123Z';
    const expected = feedOrder(stored.filter((signal) => signal.occurred_at >= at));
    expect((await walk(`since=${at}&limit=5`)).ids).toEqual(expected);
    expect((await walk(`since=${encodeURIComponent('2025-09-20T09:00:00.123+02:00')}`)).ids).toEqual(expected);
    expect((await walk('since=2025-09-21')).ids).toEqual([]);
    expect((await walk('since=2025-09-20')).ids).toHaveLength(stored.length);
  });

  it('combines the filters across pages', async () => {
    const since = '2025-09-20T03:00:00.000Z';
    const { ids } = await walk(`kind=score_changed,trait_changed,activated&account_id=${globex.id}&since=${since}&limit=1`);
    const expected = stored.filter(
      (signal) =>
        ['score_changed', 'trait_changed', 'activated'].includes(signal.kind) &&
        signal.subject.type === 'account' &&
        signal.subject.id === globex.id &&
        signal.occurred_at >= since,
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(ids).toEqual(feedOrder(expected));
  });

  it.each([
    ['kind', 'kind=bogus'],
    ['kind', 'kind=score_changed,'],
    ['kind', 'kind=Score_Changed'],
    ['limit', 'limit=0'],
    ['limit', 'limit=501'],
    ['limit', 'limit=ten'],
    ['cursor', 'cursor=bm90LWEtY3Vyc29y'],
    ['cursor', 'cursor=not%20base64'],
    ['since', 'since=yesterday'],
    ['since', 'since=2025-02-30T00:00:00Z'],
    ['since', 'since=2025-09-20T10:00:00'],
    ['account_id', 'account_id=acme-1'],
  ])('400 invalid_parameter for a bad %s (%s)', async (parameter, query) => {
    const response = await api.get(`/v1/signals?workspace_id=${workspaceId}&${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { status: 'bad_request', code: 'invalid_parameter', details: { parameter } } });
  });

  it('refuses a cursor of the accounts listing', async () => {
    const list = await api.get(`/v1/accounts/list?workspace_id=${workspaceId}&limit=1`);
    const cursor = (list.body as { next_cursor: string }).next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const response = await api.get(`/v1/signals?workspace_id=${workspaceId}&cursor=${cursor}`);
    expect(response.body).toMatchObject({ error: { code: 'invalid_parameter', details: { parameter: 'cursor' } } });
  });

  it('needs workspace_id and the token of that workspace', async () => {
    expect((await api.get('/v1/signals')).body).toMatchObject({ error: { code: 'missing_workspace_id' } });
    const path = `/v1/signals?workspace_id=${workspaceId}`;
    expect((await api.get(path, null)).body).toEqual({
      error: { message: 'Invalid or expired token', status: 'unauthorized', code: 'unauthorized' },
    });
    expect((await api.get(path, 'not-a-token')).status).toBe(401);
    const other = await api.admin.createWorkspace('signals-reader');
    expect((await api.get(path, other.api_token)).body).toEqual({
      error: { message: 'Resource not found', status: 'not_found', code: 'not_found' },
    });
  });
});

describe('GET /v1/signals rate limit', () => {
  let limited: ApiHarness;
  beforeAll(async () => {
    limited = await startApi({}, 2);
  });
  afterAll(() => limited.close());

  it("shares the token's bucket with the other read endpoints", async () => {
    const workspace = limited.workspace.workspace_id;
    expect((await limited.get(`/v1/accounts/list?workspace_id=${workspace}`)).status).toBe(200);
    expect((await limited.get(`/v1/signals?workspace_id=${workspace}`)).body).toEqual({
      signals: [],
      next_cursor: null,
      _links: { self: { href: `/v1/signals?workspace_id=${workspace}&limit=100` }, next: null },
    });
    const response = await limited.get(`/v1/signals?workspace_id=${workspace}`);
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body).toMatchObject({ error: { code: 'rate_limited' } });
  });
});
