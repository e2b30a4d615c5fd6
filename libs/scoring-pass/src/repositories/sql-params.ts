import { formatUtcDay, parseUtcDay, type Activation, type AdoptionUnits, type EventWeighting } from '@coil/scoring';
import type { MembershipPair } from './subject-traits.repository';

/**
 * Days cross the driver as 'YYYY-MM-DD' text both ways: node-postgres would otherwise read a
 * `date` as local midnight, which shifts the day on a machine outside UTC.
 */
export function toSqlDay(day: Date): string {
  return formatUtcDay(day);
}

/**
 * Formats the days of a batch of rows: a batch holds few distinct days (the period, first and
 * last days), so each is formatted once; on 100,000 rows formatting each one showed in profiles.
 */
export function sqlDayWriter(): (day: Date | null) => string | null {
  const texts = new Map<number, string>();
  return (day) => {
    if (day === null) return null;
    let text = texts.get(day.getTime());
    if (text === undefined) texts.set(day.getTime(), (text = toSqlDay(day)));
    return text;
  };
}

/** Serialises the activations of a batch; rows share Activation objects, each is written once. */
export function activationWriter(): (activation: Activation | null) => string | null {
  const texts = new Map<Activation, string>();
  return (activation) => {
    if (activation === null) return null;
    let text = texts.get(activation);
    if (text === undefined) texts.set(activation, (text = JSON.stringify(activation)));
    return text;
  };
}

/** Reads a day column: null stays null. */
export interface SqlDayReader {
  (text: string): Date;
  (text: string | null): Date | null;
}

/** Parses the days of a result, each distinct day once; rows share its Date (never mutated). */
export function sqlDayReader(): SqlDayReader {
  const days = new Map<string, Date>();
  function read(text: string): Date;
  function read(text: string | null): Date | null;
  function read(text: string | null): Date | null {
    if (text === null) return null;
    let day = days.get(text);
    if (day === undefined) days.set(text, (day = parseUtcDay(text)));
    return day;
  }
  return read;
}

/** Rows per statement of a batched write: big enough to amortise round trips, small enough for memory. */
export const WRITE_CHUNK_ROWS = 10_000;

export function chunks<T>(items: readonly T[], size = WRITE_CHUNK_ROWS): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * A profile's events as SQL parameters, one array entry per event that is weighted or counts
 * toward an adoption unit: its weight (null: the weight of unlisted events, `unlistedWeight`) and
 * the position of its unit (null: none), with the number of units. The SQL gives every unit one
 * bit of a bit string as long as there are units and ORs them, so the units a subject used are
 * counted without a DISTINCT that sorts the counts.
 */
export interface EventParams {
  readonly events: string[];
  readonly weights: (number | null)[];
  readonly unlistedWeight: number;
  readonly unitIndexes: (number | null)[];
  readonly unitCount: number;
}

export function eventParams(weighting: EventWeighting, adoption: AdoptionUnits): EventParams {
  const unitNames = [...new Set(adoption.unitOfEvent.values())].sort();
  const unitIndex = new Map(unitNames.map((name, index) => [name, index]));
  const events = [...new Set([...weighting.weights.keys(), ...adoption.unitOfEvent.keys()])];
  return {
    events,
    weights: events.map((event) => weighting.weights.get(event) ?? null),
    unlistedWeight: weighting.unlistedWeight,
    unitIndexes: events.map((event) => {
      const unit = adoption.unitOfEvent.get(event);
      return unit === undefined ? null : (unitIndex.get(unit) ?? null);
    }),
    unitCount: unitNames.length,
  };
}

/** The events CTE over eventParams at the given placeholders: (event, weight, bits). */
export function eventsCte(events: string, weights: string, unitIndexes: string, unitCount: string): string {
  return `SELECT event, weight, CASE WHEN idx IS NOT NULL THEN set_bit(repeat('0', ${unitCount}::int)::varbit, idx, 1) END AS bits
  FROM unnest(${events}::text[], ${weights}::int[], ${unitIndexes}::int[]) AS e(event, weight, idx)`;
}

/**
 * What a profile's trait filter lets in: (account, user) pairs whose events count, and the
 * accounts and users that get a score. Null scope: no filter, everything counts.
 */
export interface ScoringScope {
  readonly pairs: readonly MembershipPair[];
  readonly accountIds: readonly string[];
  readonly userIds: readonly string[];
}
