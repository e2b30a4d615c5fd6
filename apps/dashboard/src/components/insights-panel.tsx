import type { Insights } from '../api/api-types';
import { humanize } from '../format';
import { Empty } from './status-message';

/** The account's health, summary, what stands out and what to do about it. */
export function InsightsPanel({ insights }: { insights: Insights | null | undefined }) {
  if (!insights) return <Empty>No insights yet.</Empty>;
  return (
    <div class="insights">
      <p>
        <span class={`health health-${insights.health}`}>{humanize(insights.health)}</span> {insights.summary}
      </p>
      {insights.signals.length > 0 && (
        <ul class="plain-list">
          {insights.signals.map((signal) => (
            <li key={signal.kind}>{signal.message}</li>
          ))}
        </ul>
      )}
      {insights.recommendations.length > 0 && (
        <>
          <h3>Recommendations</h3>
          <ul class="plain-list">
            {insights.recommendations.map((recommendation) => (
              <li key={recommendation}>{recommendation}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
