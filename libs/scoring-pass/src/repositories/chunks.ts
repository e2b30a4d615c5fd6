/** Rows per statement of a batched write: big enough to amortise round trips, small enough for memory. */
export const WRITE_CHUNK_ROWS = 10_000;

export function chunks<T>(items: readonly T[], size = WRITE_CHUNK_ROWS): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
