import { percentile90 } from './percentile';

/**
 * Benchmark B of a workspace: the 90th percentile of the raw scores of active entities
 * (raw > 0). With fewer than two active ones B would be meaningless (0 or a single point),
 * so the model falls back to the largest raw; 0 when nobody has a positive raw.
 */
export function benchmark(raws: readonly number[]): number {
  const active = raws.filter((raw) => raw > 0);
  if (active.length < 2) return Math.max(0, ...active);
  const b = percentile90(active);
  return b > 0 ? b : Math.max(...active);
}
