import type { AccountScoreRow } from '@coil/scoring';
import { segmentChanges } from './segment-changes';

const now = new Date('2025-09-21T08:00:00Z');
const row = (accountId: string, engagementScore: number): AccountScoreRow => ({
  accountId,
  period: new Date('2025-09-21T00:00:00Z'),
  rawScore: 1,
  engagementScore,
  engagementScoreChange: null,
  benchmark: 1,
  activeUsers: 1,
  activationRate: 1,
  overallScoredEvents: 1,
  recentlyScoredEvents: 1,
  scoringProfileEvents: 1,
  totalPeopleCount: 1,
  totalActivePeopleCount: 1,
  firstSeen: null,
  lastSeen: null,
  frequency: 1,
  adoptionRate: 1,
  lifetimeAdoptionRate: 1,
  lastActive: null,
  activation: null,
});
const segment = (id: string, rule: string) => ({ id, name: `segment ${id}`, rule, builtin: false, members: 0 });

describe('segmentChanges', () => {
  it('lists entries and exits per segment against the current members', () => {
    const changes = segmentChanges(
      [segment('1', 'engagement_score >= 80'), segment('2', 'engagement_score < 30 AND plan = trial')],
      [row('a', 90), row('b', 20), row('c', 20)],
      new Map([['b', { plan: 'trial' }]]),
      [
        { segmentId: '1', accountId: 'b' },
        { segmentId: '2', accountId: 'b' },
      ],
      now,
    );
    expect(changes).toEqual({
      entries: [{ segmentId: '1', accountId: 'a' }],
      exits: [{ segmentId: '1', accountId: 'b' }],
    });
  });

  it('leaves a segment whose rule no longer parses untouched', () => {
    const changes = segmentChanges(
      [segment('1', 'engagement_score >')],
      [row('a', 90)],
      new Map(),
      [{ segmentId: '1', accountId: 'z' }],
      now,
    );
    expect(changes).toEqual({ entries: [], exits: [] });
  });
});
