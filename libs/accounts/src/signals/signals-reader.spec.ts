import type { Signal } from '@coil/signals';
import { decodeSignalCursor } from './signal-cursor';
import type { SignalPageRequest } from './signal-feed.repository';
import { SignalsReader } from './signals-reader';
import type { SignalsQuery } from './signals-query';

function signal(n: number): Signal {
  return {
    id: `sig_${n}`,
    workspace_id: '13',
    kind: 'activated',
    subject: { type: 'user', id: String(n), external_id: `u${n}`, name: null },
    occurred_at: `2025-09-2${n}T00:00:00.000Z`,
    data: { checklist: { steps: ['Report Created'], required_users: null } },
  };
}

function newReader(stored: Signal[]) {
  const requests: SignalPageRequest[] = [];
  const feed = {
    page: async (_: string, request: SignalPageRequest) => {
      requests.push(request);
      return stored.slice(0, request.limit);
    },
  };
  return { reader: new SignalsReader(feed), requests };
}

const QUERY: SignalsQuery = { workspaceId: '13', since: null, kinds: null, accountId: null, limit: 2, after: null };

describe('SignalsReader', () => {
  it('reads one more than the page to know that more follow, and points at the last served', async () => {
    const { reader, requests } = newReader([signal(3), signal(2), signal(1)]);
    const page = await reader.page({ ...QUERY, kinds: ['activated', 'score_changed'], since: new Date('2025-09-01T00:00:00Z') });
    expect(requests[0].limit).toBe(3);
    expect(page.signals.map((s) => s.id)).toEqual(['sig_3', 'sig_2']);
    expect(decodeSignalCursor(page.next_cursor ?? '')).toEqual({ occurred_at: '2025-09-22T00:00:00.000Z', id: 'sig_2' });
    expect(page._links.next?.href).toBe(
      `/v1/signals?workspace_id=13&limit=2&since=2025-09-01T00%3A00%3A00.000Z&kind=activated%2Cscore_changed&cursor=${page.next_cursor}`,
    );
  });

  it('ends with no cursor and no next link when the page is not full-plus-one', async () => {
    const page = await newReader([signal(2), signal(1)]).reader.page({ ...QUERY, accountId: '456' });
    expect(page.next_cursor).toBeNull();
    expect(page._links).toEqual({ self: { href: '/v1/signals?workspace_id=13&limit=2&account_id=456' }, next: null });
  });
});
