import type { AccountBody } from '../api/api-types';
import { formatCount, formatDay, formatPercent } from '../format';

type Metrics = AccountBody['metrics'];

/** Every metric the API serves for an account, labelled for people. */
export function MetricList({ metrics }: { metrics: Metrics }) {
  const rows: [string, string][] = [
    ['Raw score', formatCount(metrics.raw_score)],
    ['Profile', metrics.profile],
    ['Owner', metrics.owner_name ?? '—'],
    ['First seen', formatDay(metrics.first_seen)],
    ['Last seen', formatDay(metrics.last_seen)],
    ['Last active', formatDay(metrics.last_active)],
    ['Active users', formatCount(metrics.active_users)],
    ['Total people', formatCount(metrics.total_people_count)],
    ['Active people', formatCount(metrics.total_active_people_count)],
    ['Active days in frame', formatCount(metrics.frequency)],
    ['Adoption', formatPercent(metrics.adoption_rate)],
    ['Lifetime adoption', formatPercent(metrics.lifetime_adoption_rate)],
    ['Activation rate', formatPercent(metrics.activation_rate)],
    ['Scored events (frame)', formatCount(metrics.scoring_profile_events)],
    ['Recently scored events', formatCount(metrics.recently_scored_events)],
    ['Scored events (all time)', formatCount(metrics.overall_scored_events)],
  ];
  if (metrics.activation) {
    rows.push([
      'Activation',
      metrics.activation.activated_at
        ? `activated ${formatDay(metrics.activation.activated_at)}`
        : `missing ${metrics.activation.missing.join(', ')}`,
    ]);
  }
  return (
    <dl class="metric-list">
      {rows.map(([label, value]) => (
        <div key={label} class="metric">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
