import { validationError } from '../validation/validation-error';

/**
 * ISO-8601 (already format-checked by the schema) to epoch ms, or NaN. A missing zone means UTC:
 * Date.parse would otherwise read it as the server's local time.
 */
const ISO = /^(\d{4}-\d\d-\d\d)[Tt\s](\d\d:\d\d:\d\d(?:\.\d+)?)([Zz]|[+-]\d\d(?::?\d\d)?)?$/;

export function parseIsoTimestamp(value: string): number {
  const match = ISO.exec(value);
  if (!match) return Number.NaN;
  const [, date, time, zone] = match;
  return Date.parse(`${date}T${time}${canonicalZone(zone)}`);
}

function canonicalZone(zone: string | undefined): string {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/** Parses an optional, already format-checked field, failing with its path if Date cannot hold it. */
export function isoFieldToEpochMs(value: string | undefined, path: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseIsoTimestamp(value);
  if (Number.isNaN(ms)) throw validationError('invalid_type', `${path.slice(1)} must be an ISO-8601 date-time`, path);
  return ms;
}
