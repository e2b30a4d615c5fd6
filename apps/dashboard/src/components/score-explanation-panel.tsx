import type { ScoreExplanation } from '../api/api-types';
import { formatCount, formatDay, formatScore } from '../format';
import { Empty } from './status-message';

function signedPoints(points: number): string {
  return `${points > 0 ? '+' : '−'}${formatCount(Math.abs(points))} points`;
}

/** What the score is made of (each event's points) and what moved it since one time frame earlier. */
export function ScoreExplanationPanel({ explanation }: { explanation: ScoreExplanation | null | undefined }) {
  if (!explanation) return <Empty>No explanation yet.</Empty>;
  const { benchmark, change } = explanation;
  const leftOut = explanation.filters_applied.find((filter) => !filter.in_scope);
  return (
    <div class="explanation">
      <p>
        Raw score <strong>{formatCount(explanation.raw_score)}</strong> against the benchmark {formatScore(benchmark.p90)} (the 90th
        percentile of {formatCount(benchmark.accounts_in_benchmark)} active accounts), {formatDay(explanation.time_frame.start)} to{' '}
        {formatDay(explanation.time_frame.end)}.
      </p>
      <p class="muted formula">
        <code>{benchmark.formula}</code>
      </p>
      {leftOut && <p>The profile’s filter “{leftOut.rule}” leaves this account out: nothing counts toward its score.</p>}
      {explanation.contributions.length === 0 ? (
        <Empty>No scored events in this time frame.</Empty>
      ) : (
        <table class="data-table" data-testid="contributions">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col" class="numeric">
                Count × weight
              </th>
              <th scope="col" class="numeric">
                Points
              </th>
              <th scope="col" class="numeric">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {explanation.contributions.map((contribution) => (
              <tr key={contribution.event}>
                <td>
                  {contribution.event}
                  {contribution.feature && <span class="muted"> · {contribution.feature}</span>}
                </td>
                <td class="numeric">
                  {formatCount(contribution.count)} × {contribution.weight}
                </td>
                <td class="numeric">{formatCount(contribution.points)}</td>
                <td class="numeric">{(contribution.share * 100).toFixed(1)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>What moved it</h3>
      {change === null ? (
        <Empty>No score one time frame earlier to compare with yet.</Empty>
      ) : (
        <>
          <p>
            From {formatScore(change.from)} on {formatDay(change.since)} to {formatScore(change.to)}.
          </p>
          <ul class="plain-list" data-testid="drivers">
            {change.drivers.map((driver) => (
              <li key={driver.event}>
                {driver.event}
                {driver.feature && <span class="muted"> · {driver.feature}</span>}: {signedPoints(driver.delta_points)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
