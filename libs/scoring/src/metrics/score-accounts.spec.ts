import { parseUtcDay } from '../time/utc-day';
import type { AccountTotals } from './account-totals';
import { scoreAccounts } from './score-accounts';
import { scoreUsers } from './score-users';

const period = parseUtcDay('2025-09-21');
const totals = (accountId: string, rawScore: number): AccountTotals => ({
  accountId,
  rawScore,
  activeUsers: 1,
  totalPeopleCount: 2,
  totalActivePeopleCount: 1,
  scoredEventsPerformed: 1,
  overallScoredEvents: rawScore,
  recentlyScoredEvents: rawScore,
  scoringProfileEvents: rawScore,
  firstSeen: period,
  lastSeen: period,
});
const ANCHOR_RAWS = [475, 89, 101, 7, 3, 21, 2, 149, 223, 1, 13, 9, 37];

describe('scoreAccounts', () => {
  it('scores a whole workspace against one benchmark in one call', () => {
    const rows = scoreAccounts([...ANCHOR_RAWS.map((raw, i) => totals(String(i), raw)), totals('idle', 0)], {
      period,
      scoredEventCount: 4,
      previousScores: new Map([
        ['0', 90],
        ['1', 80],
      ]),
    });
    expect(rows).toHaveLength(14);
    expect(new Set(rows.map((row) => row.benchmark)).size).toBe(1);
    expect(rows[0].benchmark).toBeCloseTo(208.2, 10);
    expect(rows.map((row) => row.engagementScore)).toEqual([99.5, 63, 67.6, 8.4, 4.2, 21.5, 3.2, 80.9, 91.6, 2.1, 14.3, 10.4, 34.2, 1]);
    expect(rows[0]).toMatchObject({ engagementScoreChange: 9.5, activationRate: 0.25, period });
    expect(rows[1].engagementScoreChange).toBe(-17);
    expect(rows[2].engagementScoreChange).toBeNull();
  });

  it('supports the winsorised method and a given benchmark', () => {
    const [row] = scoreAccounts([totals('a', 50)], { period, scoredEventCount: 1, method: 'winsorized', benchmark: 200 });
    expect(row).toMatchObject({ engagementScore: 25, benchmark: 200 });
  });
});

describe('scoreUsers', () => {
  it('normalises users among users', () => {
    const rows = scoreUsers(
      [
        { userId: 1n, rawScore: 10, scoringProfileEvents: 10, firstSeen: null, lastSeen: null },
        { userId: 2n, rawScore: 20, scoringProfileEvents: 20, firstSeen: null, lastSeen: null },
      ],
      { period },
    );
    expect(rows.map((row) => row.benchmark)).toEqual([19, 19]);
    expect(rows.map((row) => row.engagementScore)).toEqual([70.5, 91.2]);
  });
});
