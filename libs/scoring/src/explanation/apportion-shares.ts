/** Decimal places of a contribution's share: percentages to two decimals. */
export const SHARE_DECIMALS = 4;

/**
 * Each part's share of the whole, rounded to SHARE_DECIMALS so that the rounded shares still add
 * up to exactly 1 (largest remainder: the units lost to rounding down go to the largest
 * remainders, ties to the earlier part). All zeros when the whole is 0.
 */
export function apportionShares(parts: readonly number[]): number[] {
  const total = parts.reduce((sum, part) => sum + part, 0);
  if (total <= 0) return parts.map(() => 0);
  const units = 10 ** SHARE_DECIMALS;
  const exact = parts.map((part) => (part * units) / total);
  const floors = exact.map(Math.floor);
  let left = units - floors.reduce((sum, floor) => sum + floor, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - floors[index] })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    floors[index] += 1;
    left -= 1;
  }
  return floors.map((floor) => floor / units);
}
