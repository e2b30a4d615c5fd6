import type { DestinationView } from '../api/api-types';
import { formatTime } from '../format';
import { Empty } from './status-message';

function deliveryStatus(destination: DestinationView): string {
  if (!destination.enabled) return `disabled${destination.disabled_reason ? `: ${destination.disabled_reason}` : ''}`;
  const last = destination.last_attempt;
  if (last === null) return 'nothing sent yet';
  const code = last.status_code === null ? '' : ` (${last.status_code})`;
  return `${last.outcome}${code} ${formatTime(last.at)}`;
}

/** Where signals go and how the last delivery went; URLs come redacted from the API. */
export function DestinationsTable({ destinations }: { destinations: DestinationView[] }) {
  if (destinations.length === 0) return <Empty>No destinations: add one with `coil destination create`.</Empty>;
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Target</th>
          <th scope="col">Kinds</th>
          <th scope="col">Last delivery</th>
          <th scope="col" class="numeric">
            Pending
          </th>
        </tr>
      </thead>
      <tbody>
        {destinations.map((destination) => (
          <tr key={destination.id}>
            <td>{destination.type}</td>
            <td>
              <code>{destination.url}</code>
            </td>
            <td>{destination.kinds?.join(', ') ?? 'every kind'}</td>
            <td class={destination.enabled && destination.last_attempt?.outcome !== 'failed' ? '' : 'status-error'}>
              {deliveryStatus(destination)}
            </td>
            <td class="numeric">{destination.pending}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
