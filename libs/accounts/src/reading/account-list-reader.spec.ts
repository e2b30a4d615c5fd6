import type { AccountListQuery } from '../query/account-list-query';
import { decodeCursor, encodeCursor } from '../query/list-cursor';
import type { ListedAccount, ListPageRequest } from '../repositories/account-list.repository';
import type { ResolvedProfile } from '../profiles/profile-resolver';
import { AccountListReader } from './account-list-reader';

function account(id: string, engagementScore: number): ListedAccount {
  const metrics = { engagement_score: engagementScore, raw_score: engagementScore * 10 } as ListedAccount['metrics'];
  return { id, trackingId: `ext-${id}`, name: null, domain: null, metrics, sortValue: engagementScore };
}

const ROWS = [account('7', 90), account('3', 80), account('9', 80)];
const NOW = new Date('2025-09-21T10:00:00Z');

describe('AccountListReader', () => {
  let requests: ListPageRequest[];
  let profilesRead: (ResolvedProfile | null)[];
  let expansionCalls: unknown[][];
  let segmentsKnown: boolean;
  let reader: AccountListReader;

  beforeEach(() => {
    requests = [];
    profilesRead = [];
    expansionCalls = [];
    segmentsKnown = true;
    reader = new AccountListReader(
      {
        page: async (_, profile, request) => {
          profilesRead.push(profile);
          requests.push(request);
          // A text sort's rows carry a text sort value.
          return ROWS.slice(0, request.limit).map((row) => (request.sort === 'name' ? { ...row, sortValue: `acct ${row.id}` } : row));
        },
        hasSegment: async () => segmentsKnown,
      },
      {
        currentSegmentsOf: async (...args) => {
          expansionCalls.push(['segments', ...args]);
          return new Map([['7', [{ id: '1', name: 'At risk', entered_at: '2025-09-20T00:00:00Z' }]]]);
        },
      },
      {
        historyOf: async (...args) => {
          expansionCalls.push(['history', ...args]);
          return new Map([['3', [{ day: '2025-09-21', engagement_score: 80 }]]]);
        },
      },
      { resolve: async (_: string, name: string | null) => ({ id: name === null ? '1' : '2', name: name ?? 'default', windowDays: 30 }) },
      () => NOW,
    );
  });

  const query = (limit: number, rest: Partial<AccountListQuery> = {}): AccountListQuery => ({
    workspaceId: '13',
    sort: 'engagement_score',
    order: 'desc',
    segment: null,
    q: null,
    expand: [],
    limit,
    after: null,
    profile: null,
    ...rest,
  });

  it('reads one row past the page, and points the next cursor at the last row served', async () => {
    const page = await reader.page(query(2));

    expect(requests).toEqual([{ sort: 'engagement_score', order: 'desc', segment: null, q: null, limit: 3, after: null }]);
    expect(profilesRead).toEqual([{ id: '1', name: 'default', windowDays: 30 }]);
    expect(page.data).toEqual([
      { id: '7', name: null, domain: null, tracking_id: 'ext-7', metrics: ROWS[0].metrics },
      { id: '3', name: null, domain: null, tracking_id: 'ext-3', metrics: ROWS[1].metrics },
    ]);
    const listing = { sort: 'engagement_score' as const, order: 'desc' as const, segment: null, q: null };
    expect(decodeCursor(page.next_cursor ?? '', listing)).toEqual({ ...listing, value: 80, id: '3' });
    expect(page._links).toEqual({
      self: { href: '/v1/accounts/list?workspace_id=13&sort=engagement_score&order=desc&limit=2' },
      next: { href: `/v1/accounts/list?workspace_id=13&sort=engagement_score&order=desc&limit=2&cursor=${page.next_cursor}` },
    });
    expect(expansionCalls).toEqual([]);
  });

  it('ends with a null cursor when no row follows, its own cursor in the self link', async () => {
    const after = { sort: 'engagement_score' as const, order: 'desc' as const, segment: null, q: null, value: 95, id: '1' };

    const page = await reader.page(query(3, { after }));

    expect(page.data).toHaveLength(3);
    expect(page.next_cursor).toBeNull();
    expect(page._links).toEqual({
      self: { href: `/v1/accounts/list?workspace_id=13&sort=engagement_score&order=desc&limit=3&cursor=${encodeCursor(after)}` },
      next: null,
    });
  });

  it('passes the filters, keeps them and the expansions in the links, and binds the cursor to them', async () => {
    const page = await reader.page(query(1, { sort: 'name', order: 'asc', segment: '4', q: 'a&b', expand: ['segments', 'history'] }));

    expect(requests[0]).toMatchObject({ sort: 'name', order: 'asc', segment: '4', q: 'a&b' });
    expect(page._links.self.href).toBe(
      '/v1/accounts/list?workspace_id=13&sort=name&order=asc&segment=4&q=a%26b&limit=1&expand=segments%2Chistory',
    );
    expect(decodeCursor(page.next_cursor ?? '', { sort: 'name', order: 'asc', segment: '4', q: 'a&b' })).toMatchObject({ id: '7' });
  });

  it('adds each expansion from one query for the page, the history over the last 30 days', async () => {
    const page = await reader.page(query(2, { expand: ['segments', 'history'] }));

    expect(expansionCalls).toEqual([
      ['segments', '13', ['7', '3']],
      ['history', '13', '1', ['7', '3'], { from: '2025-08-23', to: '2025-09-21' }],
    ]);
    expect(page.data.map(({ segments, history }) => ({ segments, history }))).toEqual([
      { segments: [{ id: '1', name: 'At risk', entered_at: '2025-09-20T00:00:00Z' }], history: [] },
      { segments: [], history: [{ day: '2025-09-21', engagement_score: 80 }] },
    ]);
  });

  it('answers 404 for a segment the workspace does not have, before reading a page', async () => {
    segmentsKnown = false;

    await expect(reader.page(query(2, { segment: '99' }))).rejects.toMatchObject({ code: 'not_found', message: 'Segment not found' });
    expect(requests).toEqual([]);
  });

  it('reads the named profile and keeps it in both links', async () => {
    const page = await reader.page(query(1, { sort: 'raw_score', order: 'asc', profile: 'paid only' }));

    expect(profilesRead.map((profile) => profile?.id)).toEqual(['2']);
    expect(page._links.self.href).toBe('/v1/accounts/list?workspace_id=13&sort=raw_score&order=asc&limit=1&profile=paid+only');
    expect(page._links.next?.href).toBe(
      `/v1/accounts/list?workspace_id=13&sort=raw_score&order=asc&limit=1&profile=paid+only&cursor=${page.next_cursor}`,
    );
  });
});
