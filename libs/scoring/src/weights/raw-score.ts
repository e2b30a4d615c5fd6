export type EventCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * sum over scored events of count * weight. Events missing from `weights` score with
 * `defaultWeight` (0 = not scored; pass DEFAULT_EVENT_WEIGHT when nothing is configured).
 */
export function rawScore(
  counts: EventCounts,
  weights: ReadonlyMap<string, number>,
  defaultWeight = 0,
): number {
  let total = 0;
  for (const [event, count] of countEntries(counts)) {
    total += count * (weights.get(event) ?? defaultWeight);
  }
  return total;
}

function countEntries(counts: EventCounts): Iterable<[string, number]> {
  return counts instanceof Map ? counts.entries() : Object.entries(counts);
}
