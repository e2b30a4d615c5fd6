import { DeterministicInsightsProvider } from './deterministic-insights-provider';
import { generateInsights } from './generate-insights';
import type { InsightsInput } from './insights';

const now = new Date('2025-09-21T12:00:00Z');
const base: InsightsInput = {
  now,
  scores: [82.4, 80.1, 78],
  activeUserShare: { current: 0.8, previous: 0.75 },
  activeUsers: 8,
  totalPeople: 10,
  quietUsers: 0,
  features: [
    { name: 'Reports', frameCount: 120, overallCount: 900 },
    { name: 'Dashboards', frameCount: 40, overallCount: 300 },
    { name: 'Alerts', frameCount: 40, overallCount: 100 },
    { name: 'Exports', frameCount: 2, overallCount: 10 },
  ],
  topUserEventShare: 0.3,
  lastSeen: new Date('2025-09-21T00:00:00Z'),
};

describe('generateInsights', () => {
  it('calls a steady, strong account healthy', () => {
    expect(generateInsights(base)).toEqual({
      health: 'healthy',
      summary: 'Healthy: engagement score 82.4 (up 2.3 from the previous period); 8 of 10 people active this period.',
      signals: [],
      recommendations: ['Engagement is strong: a good moment for an expansion or renewal conversation.'],
      top_features: [
        { name: 'Reports', count: 120 },
        { name: 'Alerts', count: 40 },
        { name: 'Dashboards', count: 40 },
      ],
      unused_features: [],
      generated_at: '2025-09-21T12:00:00.000Z',
    });
  });

  it('explains an account at risk', () => {
    const insights = generateInsights({
      ...base,
      scores: [54.2, 72.7, 80],
      activeUserShare: { current: 0.3, previous: 0.7 },
      activeUsers: 3,
      quietUsers: 4,
      features: [...base.features, { name: 'Integrations', frameCount: 0, overallCount: 0 }],
      topUserEventShare: 0.72,
    });
    expect(insights.health).toBe('at_risk');
    expect(insights.signals).toEqual([
      { kind: 'score_drop', message: 'Engagement score fell from 72.7 to 54.2', value: -18.5 },
      { kind: 'score_decline_two_periods', message: 'Engagement score has declined two periods in a row, from 80 to 54.2', value: -25.8 },
      { kind: 'active_users_drop', message: 'Active users fell from 70% to 30% of people', value: -0.4 },
      { kind: 'quiet_users', message: '4 of 10 people have had no events for 14+ days', value: 4 },
      { kind: 'unused_features', message: 'Scored features never used: Integrations', value: 1 },
      { kind: 'concentration', message: "One user did 72% of the account's events", value: 0.72 },
    ]);
    expect(insights.recommendations).toHaveLength(5);
    expect(insights.unused_features).toEqual(['Integrations']);
    expect(insights.summary).toBe(
      'At risk: engagement score 54.2 (down 18.5 from the previous period); 3 of 10 people active this period.',
    );
  });

  it("names the explanation's drivers in the score_drop message, with the explanation's scores", () => {
    const change = {
      from: 72.7,
      to: 54.2,
      delta: -18.5,
      since: '2025-09-14',
      drivers: [
        { feature: 'Reports', event: 'report_created', delta_points: -120 },
        { feature: null, event: 'page_viewed', delta_points: 15 },
        { feature: null, event: 'invite_sent', delta_points: -30 },
      ],
    };
    const [drop] = generateInsights({ ...base, scores: [54, 73], change }).signals;
    expect(drop).toEqual({
      kind: 'score_drop',
      message: 'Engagement score fell from 72.7 to 54.2: Reports: report_created -120 points, invite_sent -30 points',
      value: -18.5,
    });
  });

  it('calls an account without events for 14+ days dormant', () => {
    const insights = generateInsights({
      ...base,
      scores: [1, 1],
      activeUserShare: { current: 0, previous: 0 },
      activeUsers: 0,
      quietUsers: 10,
      features: base.features.map((feature) => ({ ...feature, frameCount: 0 })),
      lastSeen: new Date('2025-08-30T00:00:00Z'),
    });
    expect(insights.health).toBe('dormant');
    expect(insights.signals[0]).toEqual({ kind: 'no_recent_activity', message: 'No events for 22 days', value: 22 });
    expect(insights.top_features).toEqual([]);
    expect(insights.recommendations[0]).toBe('Reach out to re-engage the account before renewal: it has gone quiet.');
  });

  it('calls a middling account stable, and is reproducible', () => {
    const input = { ...base, scores: [55, 57] };
    expect(generateInsights(input).health).toBe('stable');
    expect(generateInsights(input)).toEqual(generateInsights(input));
  });

  it('is served by the deterministic provider', async () => {
    await expect(new DeterministicInsightsProvider().generate(base)).resolves.toEqual(generateInsights(base));
  });
});
