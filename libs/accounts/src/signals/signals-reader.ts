import type { Signal } from '@coil/signals';
import type { SignalFeedRepository } from './signal-feed.repository';
import { encodeSignalCursor } from './signal-cursor';
import type { SignalsQuery } from './signals-query';

export interface SignalsBody {
  signals: Signal[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next_cursor: string | null;
  _links: { self: { href: string }; next: { href: string } | null };
}

/** GET /v1/signals: one keyset page of the feed, newest first; read full-plus-one to know whether more follow. */
export class SignalsReader {
  constructor(private readonly feed: Pick<SignalFeedRepository, 'page'>) {}

  async page(query: SignalsQuery): Promise<SignalsBody> {
    const { since, kinds, accountId, after, limit } = query;
    const rows = await this.feed.page(query.workspaceId, { since, kinds, accountId, after, limit: limit + 1 });
    const signals = rows.slice(0, limit);
    const last = signals[signals.length - 1];
    const nextCursor = rows.length > limit && last ? encodeSignalCursor(last) : null;
    return {
      signals,
      next_cursor: nextCursor,
      _links: {
        self: { href: feedHref(query, after ? encodeSignalCursor(after) : null) },
        next: nextCursor ? { href: feedHref(query, nextCursor) } : null,
      },
    };
  }
}

function feedHref(query: SignalsQuery, cursor: string | null): string {
  const params = new URLSearchParams({ workspace_id: query.workspaceId, limit: String(query.limit) });
  if (query.since) params.set('since', query.since.toISOString());
  if (query.kinds) params.set('kind', query.kinds.join(','));
  if (query.accountId) params.set('account_id', query.accountId);
  if (cursor) params.set('cursor', cursor);
  return `/v1/signals?${params.toString()}`;
}
