import { CoilError } from '../../errors';
import type { IngestEvent } from '../../ingest-event';
import { assertEventSize, MAX_BATCH_EVENTS } from '../ingest-limits';
import type { NormalizeResult, RejectedEvent } from '../normalize-result';
import { joinJsonPointer, prefixErrorPath, pathOf } from '../validation/validation-error';

/** Normalises one batch item; errors carry paths relative to the item. */
export type NormalizeBatchItem = (item: unknown) => IngestEvent[];

/**
 * Batch semantics (docs/ingest.md): valid items are kept, invalid ones are listed with their index and
 * reason, never silently dropped. A batch where nothing is valid is a bad request as a whole.
 */
export function normalizeBatchItems(
  items: readonly unknown[],
  itemsPath: string,
  normalizeItem: NormalizeBatchItem,
  /** The request body's size, when known (NormalizeContext.bodyBytes). */
  bodyBytes?: number,
): NormalizeResult {
  if (items.length > MAX_BATCH_EVENTS) {
    throw new CoilError('payload_too_large', 'payload_too_large', `a batch holds at most ${MAX_BATCH_EVENTS} events, got ${items.length}`, {
      path: itemsPath,
    });
  }
  const result: NormalizeResult = { events: [], rejected: [] };
  items.forEach((item, index) => {
    const outcome = normalizeOneItem(item, index, joinJsonPointer(itemsPath, index), normalizeItem, bodyBytes);
    if ('rejected' in outcome) result.rejected.push(outcome.rejected);
    else result.events.push(...outcome.events);
  });
  if (items.length > 0 && result.rejected.length === items.length) {
    throw new CoilError('bad_request', 'invalid_request', 'every event of the batch was rejected', {
      path: itemsPath,
      rejected: result.rejected,
    });
  }
  return result;
}

function normalizeOneItem(
  item: unknown,
  index: number,
  itemPath: string,
  normalizeItem: NormalizeBatchItem,
  bodyBytes: number | undefined,
): { events: IngestEvent[] } | { rejected: RejectedEvent } {
  try {
    assertEventSize(item, bodyBytes);
    return { events: normalizeItem(item) };
  } catch (error) {
    // Only client errors are per-event; anything else is our bug and must surface.
    if (!(error instanceof CoilError) || error.isServerFault()) throw error;
    const located = prefixErrorPath(error, itemPath);
    return { rejected: { index, code: located.code, message: located.message, path: pathOf(located) } };
  }
}
