import { dateOf, INVALID, type InvalidTraitValue } from '../traits/trait-value';
import type { CompareOperator, RelativeDate, RuleLiteral, RuleNode } from './rule-ast';

/**
 * A field's value as rules see it: null/undefined mean "unknown"; a Date is an instant (a
 * date-typed trait, a day metric); INVALID is a typed trait whose value does not parse.
 */
export type RuleFieldValue = string | number | boolean | Date | InvalidTraitValue | null | undefined;

/** Resolves a field name to its value; fields it does not know are undefined. */
export type RuleFieldLookup = (field: string) => RuleFieldValue;

/**
 * Three-valued (SQL/Kleene) evaluation: a comparison with a missing, incomparable or INVALID
 * field is null (unknown), NOT null is null, false AND null is false, true OR null is true.
 * `now` is the instant relative dates (`now - 30d`) are counted from.
 */
export function evaluateRule(node: RuleNode, lookup: RuleFieldLookup, now: Date): boolean | null {
  switch (node.type) {
    case 'and':
      return kleeneAnd(evaluateRule(node.left, lookup, now), () => evaluateRule(node.right, lookup, now));
    case 'or':
      return kleeneOr(evaluateRule(node.left, lookup, now), () => evaluateRule(node.right, lookup, now));
    case 'not':
      return kleeneNot(evaluateRule(node.operand, lookup, now));
    case 'compare':
      return compareField(lookup(node.field), node.operator, node.value, now);
    case 'in':
      return kleeneAny(node.values.map((value) => compareField(lookup(node.field), '=', value, now)));
  }
}

/** Only a definite true matches: unknown fields never put a record into a segment. */
export function matchesRule(node: RuleNode, lookup: RuleFieldLookup, now: Date): boolean {
  return evaluateRule(node, lookup, now) === true;
}

/** A lookup over a plain record that ignores inherited keys such as `constructor`. */
export function recordLookup(record: Readonly<Record<string, unknown>>): RuleFieldLookup {
  return (field) => (Object.prototype.hasOwnProperty.call(record, field) ? asFieldValue(record[field]) : undefined);
}

/** Nested objects and arrays are not comparable: they read as unknown. */
export function asFieldValue(value: unknown): RuleFieldValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/**
 * A date compares as an instant with a literal that is one (relative, ISO-8601, Unix time).
 * Otherwise a number literal compares numerically (numeric strings are converted) and a
 * string literal as text (numbers and booleans by their string form), exact and case-sensitive.
 */
function compareField(value: RuleFieldValue, operator: CompareOperator, literal: RuleLiteral, now: Date): boolean | null {
  if (value === null || value === undefined || value === INVALID) return null;
  if (value instanceof Date) {
    const instant = literalInstant(literal, now);
    return instant === null ? null : compareValues(value.getTime(), operator, instant);
  }
  if (typeof literal === 'object') return isBareNow(literal) ? compareValues(String(value), operator, literal.text) : null;
  if (typeof literal === 'string') return compareValues(String(value), operator, literal);
  const left = asNumber(value);
  return left === null ? null : compareValues(left, operator, literal);
}

function literalInstant(literal: RuleLiteral, now: Date): number | null {
  if (typeof literal === 'object') return now.getTime() + literal.offsetMs;
  return dateOf(literal)?.getTime() ?? null;
}

/** Before relative dates, a bare `now` was the text "now"; values that are not dates still see it so. */
function isBareNow(literal: RelativeDate): boolean {
  return literal.text.toLowerCase() === 'now';
}

function compareValues<T extends number | string>(left: T, operator: CompareOperator, literal: T): boolean {
  switch (operator) {
    case '=':
      return left === literal;
    case '!=':
      return left !== literal;
    case '<':
      return left < literal;
    case '<=':
      return left <= literal;
    case '>':
      return left > literal;
    case '>=':
      return left >= literal;
  }
}

function asNumber(value: string | number | boolean): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function kleeneAnd(left: boolean | null, right: () => boolean | null): boolean | null {
  if (left === false) return false;
  const value = right();
  if (value === false) return false;
  return left === true && value === true ? true : null;
}

function kleeneOr(left: boolean | null, right: () => boolean | null): boolean | null {
  if (left === true) return true;
  const value = right();
  if (value === true) return true;
  return left === false && value === false ? false : null;
}

function kleeneNot(value: boolean | null): boolean | null {
  return value === null ? null : !value;
}

function kleeneAny(values: readonly (boolean | null)[]): boolean | null {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}
