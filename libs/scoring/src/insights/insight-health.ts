import type { Health, InsightSignal } from './insights';

export const AT_RISK_BELOW = 30;
export const HEALTHY_FROM = 70;

const WORSENING: ReadonlySet<InsightSignal['kind']> = new Set(['score_drop', 'score_decline_two_periods', 'active_users_drop']);

/**
 * dormant: no events for 14+ days (or ever); at_risk: score under 30 or a marked drop
 * (the At risk segment's -10 points, or a two-period decline); healthy: 70+ and nothing
 * worsening; stable otherwise.
 */
export function assessHealth(score: number | undefined, signals: readonly InsightSignal[]): Health {
  if (signals.some((signal) => signal.kind === 'no_activity' || signal.kind === 'no_recent_activity')) return 'dormant';
  const current = score ?? 0;
  const fellHard = signals.some(
    (signal) => (signal.kind === 'score_drop' && signal.value <= -10) || signal.kind === 'score_decline_two_periods',
  );
  if (current < AT_RISK_BELOW || fellHard) return 'at_risk';
  const worsening = signals.some((signal) => WORSENING.has(signal.kind));
  return current >= HEALTHY_FROM && !worsening ? 'healthy' : 'stable';
}
