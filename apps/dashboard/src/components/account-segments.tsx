import type { AccountSegment } from '../api/api-types';
import { formatTime } from '../format';
import { Empty } from './status-message';

/** The segments an account is in now, with when it entered each. */
export function AccountSegments({ segments }: { segments: AccountSegment[] | null | undefined }) {
  if (!segments || segments.length === 0) return <Empty>In no segment.</Empty>;
  return (
    <ul class="plain-list">
      {segments.map((segment) => (
        <li key={segment.id}>
          <a class="chip" href={`/app/accounts?segment=${segment.id}`}>
            {segment.name}
          </a>{' '}
          <span class="muted">since {formatTime(segment.entered_at)}</span>
        </li>
      ))}
    </ul>
  );
}
