import { assembleInsightsInput, type InsightsData } from './assemble-insights-input';

const now = new Date('2025-09-21T12:00:00Z');
const period = (day: string, engagementScore: number, activeUsers = 2, totalPeopleCount = 4) => ({
  period: day,
  engagementScore,
  activeUsers,
  totalPeopleCount,
});
const base: InsightsData = {
  now,
  windowDays: 7,
  history: [],
  activity: { quietUsers: 1, topUserEventShare: 0.7, lastSeen: '2025-09-20' },
  features: [{ name: 'Reports', frameCount: 3, overallCount: 9 }],
};

describe('assembleInsightsInput', () => {
  it('compares the latest period with the ones a window and two windows before it', () => {
    const history = [
      period('2025-09-21', 40, 1, 4),
      period('2025-09-20', 45),
      period('2025-09-14', 60, 3, 4),
      period('2025-09-10', 61),
      period('2025-09-07', 70),
    ];
    const input = assembleInsightsInput({ ...base, history });
    expect(input.scores).toEqual([40, 60, 70]);
    expect(input.activeUserShare).toEqual({ current: 0.25, previous: 0.75 });
    expect(input).toMatchObject({ activeUsers: 1, totalPeople: 4, quietUsers: 1, topUserEventShare: 0.7 });
    expect(input.lastSeen).toEqual(new Date('2025-09-20T00:00:00Z'));
    expect(input.features).toEqual([{ name: 'Reports', frameCount: 3, overallCount: 9 }]);
  });

  it('a never-scored account has no scores, no share to compare and no last day', () => {
    const input = assembleInsightsInput({ ...base, activity: { quietUsers: 0, topUserEventShare: null, lastSeen: null } });
    expect(input).toMatchObject({
      scores: [],
      activeUserShare: { current: 0, previous: null },
      activeUsers: 0,
      totalPeople: 0,
      lastSeen: null,
    });
  });

  it('an unknown window falls back to the unconfigured 30 days', () => {
    const history = [period('2025-09-21', 40), period('2025-09-14', 50), period('2025-08-22', 60)];
    expect(assembleInsightsInput({ ...base, windowDays: 5, history }).scores).toEqual([40, 60]);
  });
});
