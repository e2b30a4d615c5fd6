import type { Health, InsightSignal } from './insights';

/** One action per signal that calls for one, in signal order, without repeats. */
export function recommendationsFor(health: Health, signals: readonly InsightSignal[]): string[] {
  const actions = signals.map(recommendationFor).filter((action): action is string => action !== null);
  if (health === 'healthy') actions.push('Engagement is strong: a good moment for an expansion or renewal conversation.');
  return [...new Set(actions)];
}

function recommendationFor(signal: InsightSignal): string | null {
  switch (signal.kind) {
    case 'no_activity':
      return 'Check the tracking setup and onboarding: no events have arrived for this account.';
    case 'no_recent_activity':
      return 'Reach out to re-engage the account before renewal: it has gone quiet.';
    case 'score_drop':
    case 'score_decline_two_periods':
      return 'Review what changed since the last period and contact the account owner.';
    case 'active_users_drop':
      return 'Ask the account which people stopped using the product, and why.';
    case 'quiet_users':
      return `Re-engage the ${signal.value} quiet people with an in-app message or email.`;
    case 'unused_features':
      return 'Introduce the unused features with a walkthrough or training session.';
    case 'concentration':
      return 'Broaden adoption beyond one power user so the account does not depend on a single person.';
    case 'score_rise':
    case 'score_growth_two_periods':
    case 'active_users_rise':
      return null;
  }
}
