/** Unix times from this value up are milliseconds, below it seconds (1e11 s is the year 5138). */
export const UNIX_MS_FROM = 1e11;

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;

/**
 * An ISO-8601 date or date-time (calendar form), as an instant. A date alone is its UTC
 * midnight and a time without an offset is read as UTC, so the result never depends on the
 * machine's zone. Null when the text is not such a date or names a day that does not exist.
 */
export function parseIsoInstant(text: string): Date | null {
  const match = ISO_8601.exec(text.trim());
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((group) => Number(match[group] ?? 0));
  const millisecond = Number((match[7] ?? '0').slice(0, 3).padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) return null;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
  if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) return null;
  const offsetMinutes = zoneOffsetMinutes(match[9], match[10], match[11]);
  return offsetMinutes === null ? null : validDate(local.getTime() - offsetMinutes * 60_000);
}

/** Unix seconds, or milliseconds from UNIX_MS_FROM up; null when outside JavaScript's date range. */
export function unixInstant(value: number): Date | null {
  if (!Number.isFinite(value)) return null;
  return validDate(value >= UNIX_MS_FROM ? value : value * 1000);
}

/** Minutes east of UTC; 0 for `Z` or no offset, null for an impossible one. */
function zoneOffsetMinutes(sign: string | undefined, hours: string | undefined, minutes: string | undefined): number | null {
  if (sign === undefined || hours === undefined) return 0;
  const [h, m] = [Number(hours), Number(minutes ?? 0)];
  if (h > 23 || m > 59) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

function validDate(milliseconds: number): Date | null {
  const date = new Date(milliseconds);
  return Number.isNaN(date.getTime()) ? null : date;
}
