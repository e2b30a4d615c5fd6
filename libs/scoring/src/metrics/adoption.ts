import type { FeatureWeight } from '../weights/resolve-event-weights';
import { isScoredEvent, scoresEveryEvent, type EventWeighting } from '../weights/event-weighting';

/**
 * What adoption_rate counts for a profile: the workspace's features that contain an event the
 * profile scores; without any, the profile's scored events (every distinct event name of the
 * workspace when nothing is configured, as for activation_rate).
 */
export interface AdoptionUnits {
  /** Each event that counts toward a unit -> the unit (its feature's name, or the event itself). */
  readonly unitOfEvent: ReadonlyMap<string, string>;
  /** The denominator of adoption_rate and lifetime_adoption_rate: distinct units. */
  readonly count: number;
}

/** `workspaceEvents` (distinct event names) is read only when every event scores (no configuration). */
export function adoptionUnits(
  weighting: EventWeighting,
  features: readonly Pick<FeatureWeight, 'name' | 'events'>[],
  workspaceEvents: readonly string[],
): AdoptionUnits {
  const unitOfEvent = new Map<string, string>();
  for (const feature of features) {
    for (const event of feature.events) if (isScoredEvent(event, weighting)) unitOfEvent.set(event, feature.name);
  }
  if (unitOfEvent.size === 0) {
    const scored = scoresEveryEvent(weighting) ? workspaceEvents : [...weighting.weights.keys()];
    for (const event of scored) if (isScoredEvent(event, weighting)) unitOfEvent.set(event, event);
  }
  return { unitOfEvent, count: new Set(unitOfEvent.values()).size };
}

/** Share of the units used, 0..1 with two decimals; 0 when there are no units. */
export function adoptionRate(unitsUsed: number, unitCount: number): number {
  if (unitCount <= 0) return 0;
  return Math.round(Math.min(1, unitsUsed / unitCount) * 100) / 100;
}
