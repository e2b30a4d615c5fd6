import type { AccountFeaturesBody } from '../api/api-types';
import { formatCount, formatDay } from '../format';
import { Empty } from './status-message';

/** Each feature's events in the range as a bar; unused features listed with an empty bar. */
export function FeatureBars({ usage }: { usage: AccountFeaturesBody }) {
  if (usage.features.length === 0) return <Empty>No features defined for this profile.</Empty>;
  const most = Math.max(1, ...usage.features.map((feature) => feature.events));
  const sorted = [...usage.features].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
  return (
    <ul class="feature-bars">
      {sorted.map((feature) => (
        <li key={feature.name} class={feature.events === 0 ? 'feature unused' : 'feature'}>
          <span class="feature-name">{feature.name}</span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar" style={{ width: `${(feature.events / most) * 100}%` }} />
          </span>
          <span class="feature-value">
            {feature.events === 0
              ? 'unused'
              : `${formatCount(feature.events)} events · ${formatCount(feature.users)} users · last ${formatDay(feature.last_used)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
