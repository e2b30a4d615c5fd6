import { parseIsoInstant, unixInstant } from './trait-date';
import type { TraitDataType, TraitTypes } from './trait-data-type';

/** A typed trait whose value does not parse as its type: every comparison on it is unknown. */
export const INVALID: unique symbol = Symbol('invalid trait value');
export type InvalidTraitValue = typeof INVALID;

/**
 * A trait value ready to compare: strings keep the value as sent (text, number or boolean),
 * numbers and percentages become numbers, dates instants. Null: no comparable value.
 */
export type TraitValue = string | number | boolean | Date | InvalidTraitValue | null;

type Parser = (raw: string | number | boolean) => TraitValue;

const PARSERS: Readonly<Record<TraitDataType, Parser>> = {
  string: (raw) => raw,
  number: (raw) => numberOf(raw) ?? INVALID,
  date: (raw) => dateOf(raw) ?? INVALID,
  percentage: (raw) => numberOf(typeof raw === 'string' ? raw.replace(/%\s*$/, '') : raw) ?? INVALID,
};

/**
 * Reads a raw trait value as its declared type (parity.md "Trait data types"): number takes a
 * JSON number or a numeric string; date an ISO-8601 string or Unix seconds/milliseconds (number
 * or numeric string); percentage a number, "45%" or "45 %" (-> 45). A value that does not parse
 * is INVALID. Null, and for strings nested objects and arrays, are null (no value), as before
 * types existed; for a typed key a nested value is INVALID.
 */
export function parseTraitValue(raw: unknown, type: TraitDataType): TraitValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return PARSERS[type](raw);
  return type === 'string' ? null : INVALID;
}

/** The typed value of `key` in `traits`; undefined when the key is absent (inherited keys do not count). */
export function typedTrait(traits: Readonly<Record<string, unknown>> | undefined, key: string, types: TraitTypes): TraitValue | undefined {
  if (traits === undefined || !Object.prototype.hasOwnProperty.call(traits, key)) return undefined;
  return parseTraitValue(traits[key], types.get(key) ?? 'string');
}

/** Parses `raw` as a date the way a date-typed trait is parsed; null when it is not one. */
export function dateOf(raw: string | number | boolean): Date | null {
  if (typeof raw === 'number') return unixInstant(raw);
  if (typeof raw !== 'string') return null;
  const unix = numberOf(raw);
  return unix === null ? parseIsoInstant(raw) : unixInstant(unix);
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A finite JSON number, or a string holding a decimal number (surrounding spaces allowed). */
function numberOf(raw: string | number | boolean): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string' || !DECIMAL.test(raw.trim())) return null;
  const parsed = Number(raw.trim());
  return Number.isFinite(parsed) ? parsed : null;
}
