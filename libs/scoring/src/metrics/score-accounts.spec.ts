import type { Activation } from '../activation/activation-checklist';
import { parseUtcDay } from '../time/utc-day';
import type { AccountTotals } from './account-totals';
import { scoreAccounts } from './score-accounts';
import { scoreUsers, type UserTotals } from './score-users';

const period = parseUtcDay('2025-09-21');
const totals = (accountId: string, rawScore: number, overrides: Partial<AccountTotals> = {}): AccountTotals => ({
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
  frequency: 1,
  adoptionUnitsUsed: 1,
  lifetimeAdoptionUnitsUsed: 1,
  lastActive: period,
  ...overrides,
});
const userTotals = (userId: bigint, rawScore: number, overrides: Partial<UserTotals> = {}): UserTotals => ({
  userId,
  rawScore,
  scoringProfileEvents: rawScore,
  firstSeen: null,
  lastSeen: null,
  frequency: 0,
  adoptionUnitsUsed: 0,
  lifetimeAdoptionUnitsUsed: 0,
  lastActive: null,
  ...overrides,
});
const ANCHOR_RAWS = [475, 89, 101, 7, 3, 21, 2, 149, 223, 1, 13, 9, 37];
const activated: Activation = { rate: 1, completed: ['login'], missing: [], activated_at: '2025-09-20' };

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

  it('carries frequency and last_active, turns units used into period and lifetime adoption rates, and adds activation', () => {
    const [busy, idle] = scoreAccounts(
      [
        totals('busy', 40, { frequency: 4, adoptionUnitsUsed: 1, lifetimeAdoptionUnitsUsed: 2, lastActive: parseUtcDay('2025-09-19') }),
        totals('idle', 0, { frequency: 0, adoptionUnitsUsed: 0, lifetimeAdoptionUnitsUsed: 3, lastActive: null }),
      ],
      { period, scoredEventCount: 3, adoptionUnitCount: 3, activationOf: (id) => (id === 'busy' ? activated : null) },
    );
    expect(busy).toMatchObject({
      frequency: 4,
      adoptionRate: 0.33,
      lifetimeAdoptionRate: 0.67,
      lastActive: parseUtcDay('2025-09-19'),
      activation: activated,
    });
    expect(idle).toMatchObject({ frequency: 0, adoptionRate: 0, lifetimeAdoptionRate: 1, lastActive: null, activation: null });
  });

  it('has adoption rates of 0 and no activation when there are no units and no checklist', () => {
    const [row] = scoreAccounts([totals('a', 5)], { period, scoredEventCount: 0 });
    expect(row).toMatchObject({ adoptionRate: 0, lifetimeAdoptionRate: 0, activation: null });
  });
});

describe('scoreUsers', () => {
  it('normalises users among users', () => {
    const rows = scoreUsers([userTotals(1n, 10), userTotals(2n, 20)], { period });
    expect(rows.map((row) => row.benchmark)).toEqual([19, 19]);
    expect(rows.map((row) => row.engagementScore)).toEqual([70.5, 91.2]);
    expect(rows.map((row) => row.engagementScoreChange)).toEqual([null, null]);
  });

  it('reads the change from the score one frame ago and carries the new metrics', () => {
    const rows = scoreUsers(
      [userTotals(1n, 10, { frequency: 4, adoptionUnitsUsed: 1, lifetimeAdoptionUnitsUsed: 2 }), userTotals(2n, 20)],
      {
        period,
        adoptionUnitCount: 4,
        previousScores: new Map([['1', 60.5]]),
        activationOf: (id) => (id === 2n ? activated : null),
      },
    );
    expect(rows[0]).toMatchObject({
      engagementScoreChange: 10,
      frequency: 4,
      adoptionRate: 0.25,
      lifetimeAdoptionRate: 0.5,
      activation: null,
    });
    expect(rows[1]).toMatchObject({ engagementScoreChange: null, activation: activated });
  });
});
