/** A change of at least this many points (up) marks an account or user hot (the anchor's Red Hot). */
export const HOT_CHANGE = 10;
/** A change of at most minus this many points marks it cold (the anchor's Ice Cold). */
export const COLD_CHANGE = -10;

export type Trend = 'hot' | 'cold' | 'steady';

/** Derived from engagement_score_change, never stored; no change yet (null) is steady. */
export function trendOf(change: number | null): Trend {
  if (change === null) return 'steady';
  if (change >= HOT_CHANGE) return 'hot';
  if (change <= COLD_CHANGE) return 'cold';
  return 'steady';
}
