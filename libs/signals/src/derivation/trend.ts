import type { Trend } from '../signal';

/**
 * A subject's trend by the workspace's threshold (signal_score_threshold): hot when the score
 * rose by at least that many points against one time frame earlier, cold when it fell by as
 * many, else steady; no change yet (null) is steady.
 */
export function trendBy(change: number | null, threshold: number): Trend {
  if (change === null) return 'steady';
  if (change >= threshold) return 'hot';
  if (change <= -threshold) return 'cold';
  return 'steady';
}
