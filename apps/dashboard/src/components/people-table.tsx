import type { AccountPeopleBody } from '../api/api-types';
import { formatDay, formatScore } from '../format';
import { Empty } from './status-message';
import { TrendMarker } from './trend-marker';

/** The account's people with their own scores, highest first as the API orders them. */
export function PeopleTable({ people }: { people: AccountPeopleBody['data'] }) {
  if (people.length === 0) return <Empty>No people in this account yet.</Empty>;
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Email</th>
          <th scope="col" class="numeric">
            Score
          </th>
          <th scope="col">Trend</th>
          <th scope="col">Last seen</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.id}>
            <td>{person.name ?? person.external_id}</td>
            <td>{person.email ?? <span class="muted">—</span>}</td>
            <td class="numeric">{formatScore(person.metrics.engagement_score)}</td>
            <td>
              <TrendMarker trend={person.metrics.trend} />
            </td>
            <td>{formatDay(person.metrics.last_seen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
