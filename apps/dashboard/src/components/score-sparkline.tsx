import type { AccountListItem } from '../api/api-types';
import { formatScore } from '../format';
import { Sparkline } from './sparkline';

/** An account's last 30 days of score on the 0..100 scale. */
export function ScoreSparkline({ history }: { history: NonNullable<AccountListItem['history']> }) {
  const scores = history.map((point) => point.engagement_score);
  const label =
    scores.length === 0
      ? 'No score history'
      : `Score over ${scores.length} days, from ${formatScore(scores[0])} to ${formatScore(scores[scores.length - 1])}`;
  return <Sparkline values={scores} max={100} label={label} />;
}
