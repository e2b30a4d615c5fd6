import type { ListedAccount, ListPageRequest } from '../repositories/account-list.repository';
import { AccountExporter } from './account-exporter';

function account(id: number): ListedAccount {
  const metrics = {
    engagement_score: id,
    engagement_score_change: null,
    trend: 'steady',
    active_users: 1,
    total_people_count: 2,
    last_seen: null,
  };
  return {
    id: String(id),
    trackingId: `t-${id}`,
    name: `n${id}`,
    domain: null,
    metrics: metrics as ListedAccount['metrics'],
    sortValue: id,
  };
}

const ALL = [1, 2, 3, 4, 5].map(account);

describe('AccountExporter', () => {
  it('reads keyset pages of its page size until a short page, each page after the last row of the one before', async () => {
    const requests: ListPageRequest[] = [];
    const exporter = new AccountExporter(
      {
        page: async (_, __, request) => {
          requests.push(request);
          const start = request.after ? ALL.findIndex((row) => row.id === request.after?.id) + 1 : 0;
          return ALL.slice(start, start + request.limit);
        },
        hasSegment: async () => true,
      },
      { currentSegmentsOf: async (_, ids) => new Map([[ids[0], [{ id: '1', name: 'A', entered_at: '' }]]]) },
      { resolve: async () => ({ id: '1', name: 'default', windowDays: 30 }) },
      () => new Date('2025-09-21T23:00:00Z'),
      2,
    );

    const csv = await exporter.open({ workspaceId: '13', sort: 'engagement_score', order: 'asc', segment: null, q: 'n', profile: null });
    const lines: string[] = [];
    for await (const chunk of csv.lines) lines.push(chunk);

    expect(csv.filename).toBe('accounts-13-2025-09-21.csv');
    expect(requests.map((request) => request.after)).toEqual([null, { value: 2, id: '2' }, { value: 4, id: '4' }]);
    expect(requests.every((request) => request.limit === 2 && request.q === 'n')).toBe(true);
    expect(lines.join('').split('\r\n').slice(1, -1)).toEqual([
      '1,n1,,t-1,1,,steady,1,2,,A',
      '2,n2,,t-2,2,,steady,1,2,,',
      '3,n3,,t-3,3,,steady,1,2,,A',
      '4,n4,,t-4,4,,steady,1,2,,',
      '5,n5,,t-5,5,,steady,1,2,,A',
    ]);
  });
});
