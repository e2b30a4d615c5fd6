import type { AccountSegment } from '../api/api-types';

/** An account's current segments as chips, each opening the segment's members. */
export function SegmentChips({ segments }: { segments: AccountSegment[] | undefined }) {
  if (!segments || segments.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="chips">
      {segments.map((segment) => (
        <li key={segment.id}>
          <a class="chip" href={`/app/accounts?segment=${segment.id}`}>
            {segment.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
