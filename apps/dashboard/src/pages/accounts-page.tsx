import { useState } from 'preact/hooks';
import type { AccountListBody, SegmentsBody } from '../api/api-types';
import { useApi } from '../auth/session';
import { AccountsTable } from '../components/accounts-table';
import { ExportCsvButton } from '../components/export-csv-button';
import { Pager } from '../components/pager';
import { ResourceView } from '../components/resource-view';
import { SearchInput } from '../components/search-input';
import { SegmentSelect } from '../components/segment-select';
import { Empty } from '../components/status-message';
import { useResource } from '../hooks/use-resource';
import { useAccountsView } from './accounts-view';

const PAGE_SIZE = 25;

export function AccountsPage() {
  const api = useApi();
  const [view, update] = useAccountsView();
  // Cursors of the pages before this one, to go back (keyset cursors only go forward).
  const [previous, setPrevious] = useState<string[]>([]);
  const filter = { sort: view.sort, order: view.order, segment: view.segment, q: view.q };
  const accounts = useResource(
    () => api.get<AccountListBody>('/v1/accounts/list', { ...filter, cursor: view.cursor, limit: PAGE_SIZE, expand: 'segments,history' }),
    [api, view.sort, view.order, view.segment, view.q, view.cursor],
  );
  const segments = useResource(() => api.get<SegmentsBody>('/v1/segments', { days: 1 }), [api]);
  const refilter = (changes: Parameters<typeof update>[0]) => {
    setPrevious([]);
    update({ ...changes, cursor: '' });
  };
  const segmentName = segments.data?.segments.find((segment) => segment.id === view.segment)?.name;

  return (
    <section aria-labelledby="accounts-title">
      <header class="page-header">
        <h1 id="accounts-title">Accounts{segmentName ? `: ${segmentName}` : ''}</h1>
        <ExportCsvButton filter={filter} />
      </header>
      <div class="toolbar" role="search">
        <SearchInput value={view.q} onSearch={(q) => refilter({ q })} />
        <SegmentSelect segments={segments.data?.segments ?? []} value={view.segment} onChange={(segment) => refilter({ segment })} />
      </div>
      <ResourceView resource={accounts} what="accounts">
        {(body) => (
          <div aria-busy={accounts.loading}>
            {body.data.length === 0 ? (
              <Empty>
                {view.q || view.segment ? 'No account matches this filter.' : 'No accounts yet: send group calls to the ingest.'}
              </Empty>
            ) : (
              <AccountsTable accounts={body.data} sort={view.sort} order={view.order} onSort={(sort, order) => refilter({ sort, order })} />
            )}
            <Pager
              hasPrevious={view.cursor !== ''}
              hasNext={body.next_cursor !== null}
              onPrevious={() => {
                update({ cursor: previous[previous.length - 1] ?? '' });
                setPrevious(previous.slice(0, -1));
              }}
              onNext={() => {
                setPrevious([...previous, view.cursor]);
                update({ cursor: body.next_cursor ?? '' });
              }}
            />
          </div>
        )}
      </ResourceView>
    </section>
  );
}
