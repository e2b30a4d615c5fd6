import { formatUtcDay } from '../time/utc-day';
import { changeBaseline, historyCutoff } from './score-history';

const days = (baseline: { after: Date; through: Date }): [string, string] => [formatUtcDay(baseline.after), formatUtcDay(baseline.through)];

describe('changeBaseline', () => {
  it('is the frame before the one ending today: after today - 2w, through today - w', () => {
    const now = new Date('2025-09-21T15:00:00Z');
    expect(days(changeBaseline(now, 7))).toEqual(['2025-09-07', '2025-09-14']);
    expect(days(changeBaseline(now, 1))).toEqual(['2025-09-19', '2025-09-20']);
    expect(days(changeBaseline(now, 30))).toEqual(['2025-07-23', '2025-08-22']);
  });

  it('reaches a run of day D from D + 7 on a 7-day frame, not from D + 6', () => {
    const d = '2025-09-14';
    const reaches = (now: string): boolean => {
      const [after, through] = days(changeBaseline(new Date(`${now}T00:00:00Z`), 7));
      return d > after && d <= through;
    };
    expect(reaches('2025-09-20')).toBe(false);
    expect(reaches('2025-09-21')).toBe(true);
    expect(reaches('2025-09-27')).toBe(true);
    expect(reaches('2025-09-28')).toBe(false);
  });
});

describe('historyCutoff', () => {
  it('is 400 days before today', () => {
    expect(formatUtcDay(historyCutoff(new Date('2025-09-21T23:59:59Z')))).toBe('2024-08-17');
  });
});
