import type { FeatureUsage, Health, Insights, InsightsInput } from './insights';
import { assessHealth } from './insight-health';
import { recommendationsFor } from './insight-recommendations';
import { insightSignals, unusedFeatureNames } from './insight-signals';

const TOP_FEATURE_COUNT = 3;

const HEALTH_LABEL: Record<Health, string> = {
  healthy: 'Healthy',
  stable: 'Stable',
  at_risk: 'At risk',
  dormant: 'Dormant',
};

/** Insights computed from the data alone: same input, same output (generated_at is `now`). */
export function generateInsights(input: InsightsInput): Insights {
  const signals = insightSignals(input);
  const health = assessHealth(input.scores[0], signals);
  return {
    health,
    summary: summarize(health, input),
    signals,
    recommendations: recommendationsFor(health, signals),
    top_features: topFeatures(input),
    unused_features: unusedFeatureNames(input),
    generated_at: input.now.toISOString(),
  };
}

function summarize(health: Health, input: InsightsInput): string {
  const [current, previous] = input.scores;
  const score = current === undefined ? 'no engagement score yet' : `engagement score ${current}${changeText(current, previous)}`;
  return `${HEALTH_LABEL[health]}: ${score}; ${input.activeUsers} of ${input.totalPeople} people active this period.`;
}

function changeText(current: number, previous: number | undefined): string {
  if (previous === undefined) return '';
  const change = Math.round((current - previous) * 10) / 10;
  if (change === 0) return ', unchanged from the previous period';
  return ` (${change > 0 ? 'up' : 'down'} ${Math.abs(change)} from the previous period)`;
}

function topFeatures(input: InsightsInput): FeatureUsage[] {
  return input.features
    .filter((feature) => feature.frameCount > 0)
    .map((feature) => ({ name: feature.name, count: feature.frameCount }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, TOP_FEATURE_COUNT);
}
