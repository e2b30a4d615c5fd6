import type { IngestEvent } from '@coil/domain';
import { planDailyCounts } from './plan-daily-counts';
import { planMemberships } from './plan-memberships';

const track = (userId: string, name: string, timestamp: string, groupId?: string): IngestEvent => ({
  type: 'track',
  messageId: Math.random().toString(36),
  userId,
  event: name,
  groupId,
  timestamp,
  receivedAt: timestamp,
});

const users = new Map([
  ['u1', '10'],
  ['u2', '9'],
]);
const accounts = new Map([
  ['g1', '100'],
  ['g2', '20'],
]);

describe('planDailyCounts', () => {
  it('sums per user, account, event and UTC day, account 0 for events naming none', () => {
    const rows = planDailyCounts(
      [
        track('u1', 'A', '2026-01-01T23:59:59.000Z'),
        track('u1', 'A', '2026-01-01T00:00:00.000Z'),
        track('u1', 'A', '2026-01-02T00:00:00.000Z'),
        track('u1', 'A', '2026-01-01T12:00:00+05:00', 'g1'),
        track('u2', 'B', '2026-01-01T12:00:00.000Z', 'g2'),
      ],
      users,
      accounts,
    );
    expect(rows).toEqual([
      { userId: '9', accountId: '20', event: 'B', day: '2026-01-01', count: 1 },
      { userId: '10', accountId: '0', event: 'A', day: '2026-01-01', count: 2 },
      { userId: '10', accountId: '0', event: 'A', day: '2026-01-02', count: 1 },
      { userId: '10', accountId: '100', event: 'A', day: '2026-01-01', count: 1 },
    ]);
  });

  it('ignores identify, group and alias events', () => {
    const identify: IngestEvent = { ...track('u1', 'x', '2026-01-01T00:00:00Z'), type: 'identify' };
    expect(planDailyCounts([identify], users, accounts)).toEqual([]);
  });
});

describe('planMemberships', () => {
  it('links users to the accounts their group, identify and track calls name, once each, sorted', () => {
    const group: IngestEvent = { ...track('u1', '', '2026-01-01T00:00:00Z', 'g1'), type: 'group', event: undefined };
    const rows = planMemberships(
      [group, track('u1', 'A', '2026-01-01T00:00:00Z', 'g1'), track('u2', 'A', '2026-01-01T00:00:00Z', 'g2')],
      users,
      accounts,
    );
    expect(rows).toEqual([
      { accountId: '20', userId: '9' },
      { accountId: '100', userId: '10' },
    ]);
  });
});
