/**
 * p-th percentile (0..100) with linear interpolation between closest ranks, the same as
 * numpy.percentile's default 'linear' method: rank h = (n - 1) * p / 100.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of an empty list is undefined');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const lower = Math.floor(rank);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
}

export function percentile90(values: readonly number[]): number {
  return percentile(values, 90);
}
