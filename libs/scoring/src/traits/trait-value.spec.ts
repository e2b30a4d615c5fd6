import { parseIsoInstant, unixInstant } from './trait-date';
import { INVALID, parseTraitValue, typedTrait } from './trait-value';

const instant = (iso: string): Date => new Date(iso);

describe('parseTraitValue', () => {
  it('keeps string traits as sent, with nested values unknown', () => {
    expect(['abc', 12, true].map((raw) => parseTraitValue(raw, 'string'))).toEqual(['abc', 12, true]);
    expect(parseTraitValue({ a: 1 }, 'string')).toBeNull();
    expect(parseTraitValue(['x'], 'string')).toBeNull();
  });

  it('reads numbers from JSON numbers and decimal strings only', () => {
    expect([1000, '1000', ' 12.5 ', '-3', '1e3', '.5'].map((raw) => parseTraitValue(raw, 'number'))).toEqual([
      1000, 1000, 12.5, -3, 1000, 0.5,
    ]);
    expect(['abc', '', '1,000', '0x10', '12abc', true, [1], { n: 1 }].map((raw) => parseTraitValue(raw, 'number'))).toEqual(
      Array(8).fill(INVALID),
    );
  });

  it('reads percentages with or without the sign', () => {
    expect([45, '45%', '45 %', ' 12.5% ', '45'].map((raw) => parseTraitValue(raw, 'percentage'))).toEqual([45, 45, 45, 12.5, 45]);
    expect(['45%%', '%', 'forty', false].map((raw) => parseTraitValue(raw, 'percentage'))).toEqual(Array(4).fill(INVALID));
  });

  it('reads dates from ISO-8601 and from Unix seconds or milliseconds', () => {
    expect(parseTraitValue('2025-09-21', 'date')).toEqual(instant('2025-09-21T00:00:00Z'));
    expect(parseTraitValue('2025-09-21T10:30:00+02:00', 'date')).toEqual(instant('2025-09-21T08:30:00Z'));
    expect(parseTraitValue('2025-09-21T10:30:00.123456Z', 'date')).toEqual(instant('2025-09-21T10:30:00.123Z'));
    expect(parseTraitValue('2025-09-21 10:30', 'date')).toEqual(instant('2025-09-21T10:30:00Z'));
    expect(parseTraitValue(1_758_441_600, 'date')).toEqual(instant('2025-09-21T08:00:00Z'));
    expect(parseTraitValue('1758441600', 'date')).toEqual(instant('2025-09-21T08:00:00Z'));
    expect(parseTraitValue(1_758_441_600_000, 'date')).toEqual(instant('2025-09-21T08:00:00Z'));
    expect(
      ['2025-02-30', '2025-13-01', '21/09/2025', 'September 21, 2025', '2025-09-21T25:00', true, 1e20].map((raw) =>
        parseTraitValue(raw, 'date'),
      ),
    ).toEqual(Array(7).fill(INVALID));
  });

  it('treats null as no value for every type', () => {
    expect(parseTraitValue(null, 'number')).toBeNull();
    expect(parseTraitValue(null, 'date')).toBeNull();
  });
});

describe('dates', () => {
  it('switch from seconds to milliseconds at 1e11', () => {
    expect(unixInstant(99_999_999_999)).toEqual(new Date(99_999_999_999_000));
    expect(unixInstant(100_000_000_000)).toEqual(new Date(100_000_000_000));
  });

  it('refuse impossible offsets and read a time without one as UTC', () => {
    expect(parseIsoInstant('2025-09-21T10:00:00+24:00')).toBeNull();
    expect(parseIsoInstant('2025-09-21T10:00:00-0530')).toEqual(instant('2025-09-21T15:30:00Z'));
    expect(parseIsoInstant('2025-09-21t10:00:00')).toEqual(instant('2025-09-21T10:00:00Z'));
  });
});

describe('typedTrait', () => {
  it('reads own keys only, by their declared type', () => {
    const types = new Map([['mrr', 'number' as const]]);
    expect(typedTrait({ mrr: '12' }, 'mrr', types)).toBe(12);
    expect(typedTrait({ mrr: '12' }, 'other', types)).toBeUndefined();
    expect(typedTrait({}, 'constructor', types)).toBeUndefined();
    expect(typedTrait(undefined, 'mrr', types)).toBeUndefined();
  });
});
