import { previousTimeFrame, timeFrame, trailingDays, isInFrame } from './time-frame';
import { daysBetween, formatUtcDay, parseUtcDay, utcDay } from './utc-day';
import { ScoringConfigError } from '../weights/scoring-config-error';

const days = (frame: { start: Date; end: Date }): string[] => [formatUtcDay(frame.start), formatUtcDay(frame.end)];

describe('time frames on a fake clock', () => {
  afterEach(() => jest.useRealTimers());

  it('rolls over exactly at UTC midnight', () => {
    jest.useFakeTimers({ now: new Date('2025-09-21T23:59:59.999Z') });
    expect(days(timeFrame(new Date(), 7))).toEqual(['2025-09-15', '2025-09-21']);
    jest.setSystemTime(new Date('2025-09-22T00:00:00.000Z'));
    expect(days(timeFrame(new Date(), 7))).toEqual(['2025-09-16', '2025-09-22']);
  });

  it('does not follow local time zones', () => {
    expect(formatUtcDay(utcDay(new Date('2025-09-21T23:30:00-05:00')))).toBe('2025-09-22');
  });
});

describe('timeFrame', () => {
  const now = new Date('2025-03-01T10:00:00Z');

  it('covers the window ending with today, both ends inclusive', () => {
    expect(days(timeFrame(now, 1))).toEqual(['2025-03-01', '2025-03-01']);
    expect(days(timeFrame(now, 30))).toEqual(['2025-01-31', '2025-03-01']);
    expect(isInFrame(new Date('2025-01-31T00:00:00Z'), timeFrame(now, 30))).toBe(true);
    expect(isInFrame(new Date('2025-01-30T00:00:00Z'), timeFrame(now, 30))).toBe(false);
  });

  it('gives the previous period of the same length just before', () => {
    expect(days(previousTimeFrame(timeFrame(now, 7)))).toEqual(['2025-02-16', '2025-02-22']);
    expect(days(previousTimeFrame(timeFrame(now, 1)))).toEqual(['2025-02-28', '2025-02-28']);
  });

  it('accepts only 1, 7 or 30 days for a profile', () => {
    expect(() => timeFrame(now, 14 as 7)).toThrow(ScoringConfigError);
    expect(days(trailingDays(now, 90))).toEqual(['2024-12-02', '2025-03-01']);
  });
});

describe('utc days', () => {
  it('parses and counts whole days', () => {
    expect(daysBetween(parseUtcDay('2025-02-27'), new Date('2025-03-01T23:00:00Z'))).toBe(2);
    expect(() => parseUtcDay('2025-02-30')).toThrow(RangeError);
  });
});
