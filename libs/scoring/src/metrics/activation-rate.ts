import { type EventWeighting, scoresEveryEvent } from '../weights/event-weighting';

/** Share of the scored events the account has ever performed, 0..1 with two decimals. */
export function activationRate(scoredEventsPerformed: number, scoredEventCount: number): number {
  if (scoredEventCount <= 0) return 0;
  return Math.round(Math.min(1, scoredEventsPerformed / scoredEventCount) * 100) / 100;
}

/**
 * Denominator of activation_rate. With no configuration every event is scored, so the
 * workspace's distinct event names stand in for "the profile's scored events".
 */
export function scoredEventCount(weighting: EventWeighting, workspaceEvents: readonly string[]): number {
  if (scoresEveryEvent(weighting)) return new Set(workspaceEvents).size;
  return [...weighting.weights.values()].filter((weight) => weight > 0).length;
}
