import { formatUtcDay, parseUtcDay } from '@coil/scoring';

/**
 * Days cross the driver as 'YYYY-MM-DD' text both ways: node-postgres would otherwise read a
 * `date` as local midnight, which shifts the day on a machine outside UTC.
 */
export function toSqlDay(day: Date): string {
  return formatUtcDay(day);
}

export function fromSqlDay(text: string | null): Date | null {
  return text === null ? null : parseUtcDay(text);
}
