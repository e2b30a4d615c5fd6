import type { SegmentsBody } from '../api/api-types';
import { useApi } from '../auth/session';
import { ResourceView } from '../components/resource-view';
import { Sparkline } from '../components/sparkline';
import { Empty } from '../components/status-message';
import { formatCount } from '../format';
import { useResource } from '../hooks/use-resource';

const TREND_DAYS = 30;

/** Every segment with its member count and how that count moved over 30 days. */
export function SegmentsPage() {
  const api = useApi();
  const segments = useResource(() => api.get<SegmentsBody>('/v1/segments', { days: TREND_DAYS }), [api]);
  return (
    <section aria-labelledby="segments-title">
      <header class="page-header">
        <h1 id="segments-title">Segments</h1>
      </header>
      <ResourceView resource={segments} what="segments">
        {(body) =>
          body.segments.length === 0 ? (
            <Empty>No segments: create one with `coil segment create`.</Empty>
          ) : (
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col">Rule</th>
                  <th scope="col" class="numeric">
                    Members
                  </th>
                  <th scope="col">{TREND_DAYS} days</th>
                </tr>
              </thead>
              <tbody>
                {body.segments.map((segment) => {
                  const counts = segment.history.map((point) => point.members);
                  return (
                    <tr key={segment.id}>
                      <td>
                        <a href={`/app/accounts?segment=${segment.id}`}>{segment.name}</a>
                        {segment.builtin && <span class="badge">suggested</span>}
                      </td>
                      <td>
                        <code>{segment.rule}</code>
                      </td>
                      <td class="numeric">{formatCount(segment.members)}</td>
                      <td>
                        <Sparkline
                          values={counts}
                          label={`${segment.name} members over ${counts.length} days, from ${counts[0] ?? 0} to ${counts[counts.length - 1] ?? 0}`}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </ResourceView>
    </section>
  );
}
