const MS_PER_DAY = 86_400_000;

/** Midnight UTC of the day `date` falls in; days roll over exactly at 00:00:00.000Z. */
export function utcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / MS_PER_DAY) * MS_PER_DAY);
}

export function addUtcDays(day: Date, days: number): Date {
  return new Date(utcDay(day).getTime() + days * MS_PER_DAY);
}

/** Whole UTC days from `from` to `to` (0 for the same day, positive when `to` is later). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / MS_PER_DAY);
}

/** 'YYYY-MM-DD', the API's date form for first_seen/last_seen and period keys. */
export function formatUtcDay(date: Date): string {
  return utcDay(date).toISOString().slice(0, 10);
}

/** Parses 'YYYY-MM-DD' as a UTC day; throws RangeError on anything else. */
export function parseUtcDay(text: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : new Date(NaN);
  if (Number.isNaN(day.getTime()) || formatUtcDay(day) !== text) {
    throw new RangeError(`not a UTC day (YYYY-MM-DD): ${text}`);
  }
  return day;
}
