import { formatScore } from '../format';

/** The change of a score against one time frame earlier: a coloured arrow and the signed points. */
export function ScoreChange({ change }: { change: number | null }) {
  if (change === null)
    return (
      <span class="change change-none" title="No earlier time frame yet">
        —
      </span>
    );
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▶';
  const label = direction === 'flat' ? 'unchanged' : `${direction} ${formatScore(Math.abs(change))} points`;
  return (
    <span class={`change change-${direction}`} aria-label={label}>
      <span aria-hidden="true">{arrow}</span>
      <span aria-hidden="true">{direction === 'flat' ? '0.0' : formatScore(Math.abs(change))}</span>
    </span>
  );
}
