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

/**
 * Another worker created one of this batch's people between our read and our insert. The
 * transaction is rolled back and the job retried; the next attempt sees that person.
 */
export class IdentityRaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityRaceError';
  }
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * Wait before the next attempt of a job that failed for a transient reason (Postgres down, a
 * deadlock): doubling from 0.5 s, capped at 30 s so a recovered database is noticed quickly.
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}
