import { InvalidEventError } from '../planning';

// SQLSTATE classes an event's own content causes (bad text, a value out of range, a key too
// large for an index): retrying cannot help, so the batch is split to find the event.
const POISON_CLASSES = new Set(['22', '54']);
const POISON_CODES = new Set(['23502', '23514']);

/**
 * True for errors an event causes by itself. Everything else (connection lost, Postgres
 * restarting, deadlock, a concurrent insert) is transient: the job is retried, never dropped.
 */
export function isPoisonError(error: unknown): boolean {
  if (error instanceof InvalidEventError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return false;
  return POISON_CLASSES.has(code.slice(0, 2)) || POISON_CODES.has(code);
}
