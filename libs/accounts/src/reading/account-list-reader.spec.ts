import type { AccountListQuery } from '../query/account-list-query';
import { decodeCursor, encodeCursor } from '../query/list-cursor';
import type { ListPageRequest } from '../repositories/account-list.repository';
import type { AccountRecord } from '../blocks/account-block';
import type { ResolvedProfile } from '../profiles/profile-resolver';
import { AccountListReader } from './account-list-reader';

function account(id: string, engagementScore: number): AccountRecord {
  const metrics = { engagement_score: engagementScore, raw_score: engagementScore * 10 } as AccountRecord['metrics'];
  return { id, trackingId: `ext-${id}`, name: null, domain: null, metrics };
}

const ROWS = [account('7', 90), account('3', 80), account('9', 80)];

describe('AccountListReader', () => {
  let requests: ListPageRequest[];
  let profilesRead: (ResolvedProfile | null)[];
  let reader: AccountListReader;

  beforeEach(() => {
    requests = [];
    profilesRead = [];
    reader = new AccountListReader(
      {
        page: async (_, profile, request) => {
          profilesRead.push(profile);
          requests.push(request);
          return ROWS.slice(0, request.limit);
        },
      },
      { resolve: async (_, name) => ({ id: name === null ? '1' : '2', name: name ?? 'default', windowDays: 30 }) },
    );
  });

  const query = (limit: number, after: AccountListQuery['after'] = null, profile: string | null = null): AccountListQuery => ({
    workspaceId: '13',
    sort: 'engagement_score',
    order: 'desc',
    limit,
    after,
    profile,
  });

  it('reads one row past the page, and points the next cursor at the last row served', async () => {
    const page = await reader.page(query(2));

    expect(requests).toEqual([{ sort: 'engagement_score', order: 'desc', limit: 3, after: null }]);
    expect(profilesRead).toEqual([{ id: '1', name: 'default', windowDays: 30 }]);
    expect(page.data).toEqual([
      { id: '7', name: null, domain: null, tracking_id: 'ext-7', metrics: ROWS[0].metrics },
      { id: '3', name: null, domain: null, tracking_id: 'ext-3', metrics: ROWS[1].metrics },
    ]);
    expect(decodeCursor(page.next_cursor ?? '', 'engagement_score', 'desc')).toEqual({
      sort: 'engagement_score',
      order: 'desc',
      value: 80,
      id: '3',
    });
    expect(page._links).toEqual({
      self: { href: '/v1/accounts/list?workspace_id=13&sort=engagement_score&order=desc&limit=2' },
      next: { href: `/v1/accounts/list?workspace_id=13&sort=engagement_score&order=desc&limit=2&cursor=${page.next_cursor}` },
    });
  });

  it('ends with a null cursor when no row follows, its own cursor in the self link', async () => {
    const after = { sort: 'engagement_score', order: 'desc' as const, value: 95, id: '1' };

    const page = await reader.page(query(3, after));

    expect(page.data).toHaveLength(3);
    expect(page.next_cursor).toBeNull();
    expect(page._links).toEqual({
      self: { href: `/v1/accounts/list?workspace_id=13&sort=engagement_score&order=desc&limit=3&cursor=${encodeCursor(after)}` },
      next: null,
    });
  });
});

describe('AccountListReader with ?profile=', () => {
  it('reads the named profile and keeps it in both links', async () => {
    const read: (string | null)[] = [];
    const reader = new AccountListReader(
      {
        page: async (_, profile, request) => {
          read.push(profile.id);
          return ROWS.slice(0, request.limit);
        },
      },
      { resolve: async (_, name) => ({ id: '2', name: name ?? 'default', windowDays: 7 }) },
    );

    const page = await reader.page({ workspaceId: '13', sort: 'raw_score', order: 'asc', limit: 1, after: null, profile: 'paid only' });

    expect(read).toEqual(['2']);
    expect(page._links.self.href).toBe('/v1/accounts/list?workspace_id=13&sort=raw_score&order=asc&limit=1&profile=paid+only');
    expect(page._links.next?.href).toBe(
      `/v1/accounts/list?workspace_id=13&sort=raw_score&order=asc&limit=1&profile=paid+only&cursor=${page.next_cursor}`,
    );
  });
});
