import { InvalidEventError } from './invalid-event-error';

// The ingest already sends ISO-8601 UTC; slicing skips a Date allocation per event on the hot path.
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T[^+]*Z$/;

/** The UTC calendar day (YYYY-MM-DD) an event timestamp falls on. */
export function utcDay(timestamp: string): string {
  if (ISO_UTC.test(timestamp)) return timestamp.slice(0, 10);
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) throw new InvalidEventError(`timestamp is not a date: "${timestamp}"`);
  return new Date(time).toISOString().slice(0, 10);
}
