import type { SegmentView } from '../api/api-types';

interface Props {
  segments: SegmentView[];
  value: string;
  onChange: (segmentId: string) => void;
}

/** Filters the list to one segment's current members. */
export function SegmentSelect({ segments, value, onChange }: Props) {
  return (
    <label class="field">
      <span class="field-label">Segment</span>
      <select value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">All accounts</option>
        {segments.map((segment) => (
          <option key={segment.id} value={segment.id}>
            {segment.name} ({segment.members})
          </option>
        ))}
      </select>
    </label>
  );
}
