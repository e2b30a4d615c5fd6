import { formatUtcDay, parseUtcDay, type EventWeighting } from '@coil/scoring';
import type { MembershipPair } from './subject-traits.repository';

/**
 * Days cross the driver as 'YYYY-MM-DD' text both ways: node-postgres would otherwise read a
 * `date` as local midnight, which shifts the day on a machine outside UTC.
 */
export function toSqlDay(day: Date): string {
  return formatUtcDay(day);
}

export function sqlDayOrNull(day: Date | null): string | null {
  return day === null ? null : toSqlDay(day);
}

export function fromSqlDay(text: string | null): Date | null {
  return text === null ? null : parseUtcDay(text);
}

/** Rows per statement of a batched write: big enough to amortise round trips, small enough for memory. */
export const WRITE_CHUNK_ROWS = 10_000;

export function chunks<T>(items: readonly T[], size = WRITE_CHUNK_ROWS): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** A weighting as SQL parameters: parallel event/weight arrays plus the weight of unlisted events. */
export interface WeightingParams {
  readonly events: string[];
  readonly weights: number[];
  readonly unlistedWeight: number;
}

export function weightingParams(weighting: EventWeighting): WeightingParams {
  const entries = [...weighting.weights.entries()];
  return {
    events: entries.map(([event]) => event),
    weights: entries.map(([, weight]) => weight),
    unlistedWeight: weighting.unlistedWeight,
  };
}

/**
 * Adoption units as SQL parameters: scored event -> feature pairs, or (no feature holds a scored
 * event) each scored event counts as a unit of its own.
 */
export interface AdoptionParams {
  readonly events: string[];
  readonly units: string[];
  readonly eachEventIsUnit: boolean;
}

export function adoptionParams(featureOfEvent: ReadonlyMap<string, string> | null): AdoptionParams {
  const entries = [...(featureOfEvent ?? new Map<string, string>()).entries()];
  return { events: entries.map(([event]) => event), units: entries.map(([, unit]) => unit), eachEventIsUnit: featureOfEvent === null };
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
