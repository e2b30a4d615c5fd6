export interface Range {
  start: number;
  end: number;
}

export interface BisectHandlers<R> {
  /** Applies items[start, end) as one unit; throws when any of them cannot be applied. */
  apply(range: Range): Promise<R>;
  isPoison(error: unknown): boolean;
  /** Receives one item that fails alone. */
  reject(index: number, error: unknown): Promise<void>;
  combine(results: R[]): R;
  empty: R;
}

/**
 * Splits a failing range in halves until each failing item stands alone, so that the good items
 * of a batch are applied and only the bad ones are rejected. Halves are deterministic, so a
 * retry after a crash meets the same ranges (which the caller can make idempotent by id).
 * Transient errors propagate and fail the whole attempt.
 */
export async function bisect<R>(handlers: BisectHandlers<R>, range: Range): Promise<R> {
  if (range.end <= range.start) return handlers.empty;
  try {
    return await handlers.apply(range);
  } catch (error) {
    if (!handlers.isPoison(error)) throw error;
    if (range.end - range.start === 1) {
      await handlers.reject(range.start, error);
      return handlers.empty;
    }
    return splitAndApply(handlers, range);
  }
}

/** Applies both halves of a range that failed as a whole. */
export async function splitAndApply<R>(handlers: BisectHandlers<R>, range: Range): Promise<R> {
  const middle = range.start + Math.floor((range.end - range.start) / 2);
  const left = await bisect(handlers, { start: range.start, end: middle });
  const right = await bisect(handlers, { start: middle, end: range.end });
  return handlers.combine([left, right]);
}
