import { benchmark } from './benchmark';
import { NormalizationMethod, scoreWith } from './engagement-score';

export interface NormalizedScores<T> {
  readonly benchmark: number;
  readonly scores: T;
}

/**
 * Scores a whole population (accounts of a workspace, or users among users) against one
 * benchmark computed once. Keeps the input's shape: array in -> array, map in -> map.
 */
export function normalizeScores(raws: readonly number[], method?: NormalizationMethod): NormalizedScores<number[]>;
export function normalizeScores<K>(
  raws: ReadonlyMap<K, number>,
  method?: NormalizationMethod,
): NormalizedScores<Map<K, number>>;
export function normalizeScores<K>(
  raws: readonly number[] | ReadonlyMap<K, number>,
  method: NormalizationMethod = 'exponential',
): NormalizedScores<number[] | Map<K, number>> {
  if (isList(raws)) {
    const b = benchmark(raws);
    return { benchmark: b, scores: raws.map((raw) => scoreWith(method, raw, b)) };
  }
  const b = benchmark([...raws.values()]);
  const scores = new Map<K, number>();
  for (const [id, raw] of raws) scores.set(id, scoreWith(method, raw, b));
  return { benchmark: b, scores };
}

function isList<K>(raws: readonly number[] | ReadonlyMap<K, number>): raws is readonly number[] {
  return Array.isArray(raws);
}
