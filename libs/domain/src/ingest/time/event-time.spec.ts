import { parseIsoTimestamp } from './parse-iso-timestamp';
import { resolveEventTimestamp } from './resolve-event-timestamp';

const receivedAt = new Date('2026-03-10T12:00:00.000Z');

describe('parseIsoTimestamp', () => {
  it.each([
    ['2026-03-10T10:00:00Z', '2026-03-10T10:00:00.000Z'],
    ['2026-03-10T10:00:00', '2026-03-10T10:00:00.000Z'],
    ['2026-03-10 10:00:00.123456z', '2026-03-10T10:00:00.123Z'],
    ['2026-03-10T10:00:00+02', '2026-03-10T08:00:00.000Z'],
    ['2026-03-10T10:00:00-0130', '2026-03-10T11:30:00.000Z'],
  ])('%s is %s', (input, expected) => {
    expect(new Date(parseIsoTimestamp(input)).toISOString()).toBe(expected);
  });

  it('is NaN for what Date cannot hold', () => {
    expect(parseIsoTimestamp('2026-03-10T23:59:60Z')).toBeNaN();
    expect(parseIsoTimestamp('March 10')).toBeNaN();
  });
});

describe('resolveEventTimestamp', () => {
  it('defaults to receivedAt', () => {
    expect(resolveEventTimestamp({ receivedAt, path: '/timestamp' })).toBe('2026-03-10T12:00:00.000Z');
  });

  it('applies receivedAt - sentAt, then clamps beyond one day ahead', () => {
    const ts = Date.parse('2026-03-10T11:00:00Z');
    expect(resolveEventTimestamp({ timestampMs: ts, sentAtMs: Date.parse('2026-03-10T11:30:00Z'), receivedAt, path: '' })).toBe(
      '2026-03-10T11:30:00.000Z',
    );
    const dayAndASecond = receivedAt.getTime() + 86_401_000;
    expect(resolveEventTimestamp({ timestampMs: dayAndASecond, receivedAt, path: '' })).toBe('2026-03-10T12:00:00.000Z');
    const exactlyADay = receivedAt.getTime() + 86_400_000;
    expect(resolveEventTimestamp({ timestampMs: exactlyADay, receivedAt, path: '' })).toBe('2026-03-11T12:00:00.000Z');
  });

  it('fails with the path when the corrected time is out of Date range', () => {
    expect(() => resolveEventTimestamp({ timestampMs: -8.64e15, sentAtMs: 8.64e15, receivedAt, path: '/timestamp' })).toThrow(
      expect.objectContaining({ code: 'invalid_type', details: { path: '/timestamp' } }),
    );
  });
});
