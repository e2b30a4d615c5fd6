import { CoilError } from '../../errors';
import { normalizeContext, type NormalizeContext } from '../normalize-result';

export const RECEIVED_AT = new Date('2026-03-10T12:00:00.000Z');

/** A context whose generated messageIds are predictable: gen-1, gen-2, … */
export function testContext(receivedAt: Date = RECEIVED_AT): NormalizeContext {
  let next = 0;
  return normalizeContext({ receivedAt, newMessageId: () => `gen-${++next}` });
}

/** Marker placed in every property value of the fixtures; it must never reach an IngestEvent. */
export const PROPERTY_SENTINEL = 'SENTINEL_PROPERTY_VALUE';

/** The CoilError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): CoilError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CoilError) return error;
    throw error;
  }
  throw new Error('expected a CoilError');
}
