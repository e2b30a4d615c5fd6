import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Signal, SignalKind, SignalsBody } from '../api/api-types';
import { useApi } from '../auth/session';
import { SignalList } from '../components/signal-list';
import { ErrorNotice, Loading } from '../components/status-message';
import { humanize } from '../format';

const KINDS: SignalKind[] = ['score_changed', 'segment_entered', 'segment_exited', 'trait_changed', 'feature_first_used', 'activated'];
const PAGE_SIZE = 50;

interface FeedState {
  signals: Signal[];
  next: string | null;
  loading: boolean;
  error: Error | null;
}

/** Signals newest first, by kind, a page more at a time. */
export function FeedPage() {
  const api = useApi();
  const { query, path, route } = useLocation();
  const kind = query.kind ?? '';
  const [feed, setFeed] = useState<FeedState>({ signals: [], next: null, loading: true, error: null });

  const load = (cursor: string | null, kept: Signal[]) => {
    setFeed({ signals: kept, next: null, loading: true, error: null });
    return api.get<SignalsBody>('/v1/signals', { kind, limit: PAGE_SIZE, cursor }).then(
      (body) => setFeed({ signals: [...kept, ...body.signals], next: body.next_cursor, loading: false, error: null }),
      (error: Error) => setFeed({ signals: kept, next: cursor, loading: false, error }),
    );
  };
  useEffect(() => void load(null, []), [api, kind]);

  return (
    <section aria-labelledby="feed-title">
      <header class="page-header">
        <h1 id="feed-title">Feed</h1>
      </header>
      <div class="toolbar">
        <label class="field">
          <span class="field-label">Kind</span>
          <select
            value={kind}
            onChange={(event) => route(event.currentTarget.value ? `${path}?kind=${event.currentTarget.value}` : path, true)}
          >
            <option value="">Every kind</option>
            {KINDS.map((name) => (
              <option key={name} value={name}>
                {humanize(name)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {feed.error && <ErrorNotice error={feed.error} />}
      {feed.signals.length > 0 || !feed.loading ? <SignalList signals={feed.signals} /> : null}
      {feed.loading && <Loading what="signals" />}
      {feed.next && !feed.loading && (
        <button type="button" class="button load-more" onClick={() => void load(feed.next, feed.signals)}>
          Load more
        </button>
      )}
    </section>
  );
}
