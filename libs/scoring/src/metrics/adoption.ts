import type { FeatureWeight } from '../weights/resolve-event-weights';
import { isScoredEvent, type EventWeighting } from '../weights/event-weighting';
import { scoredEventCount } from './activation-rate';

/**
 * What adoption_rate counts for a profile: the workspace's features that contain an event the
 * profile scores; without any, the profile's scored events (every distinct event name of the
 * workspace when nothing is configured, as for activation_rate).
 */
export interface AdoptionUnits {
  /** Scored event -> its feature; null when each scored event is a unit of its own. */
  readonly featureOfEvent: ReadonlyMap<string, string> | null;
  /** The denominator of adoption_rate and lifetime_adoption_rate. */
  readonly count: number;
}

export function adoptionUnits(
  weighting: EventWeighting,
  features: readonly Pick<FeatureWeight, 'name' | 'events'>[],
  workspaceEvents: readonly string[],
): AdoptionUnits {
  const featureOfEvent = adoptionFeatures(weighting, features);
  if (featureOfEvent !== null) return { featureOfEvent, count: new Set(featureOfEvent.values()).size };
  return { featureOfEvent: null, count: scoredEventCount(weighting, workspaceEvents) };
}

/**
 * AdoptionUnits.featureOfEvent alone: it never needs the workspace's event names (with no
 * configuration there is no feature with events), so the SQL can be given it before they are read.
 */
export function adoptionFeatures(
  weighting: EventWeighting,
  features: readonly Pick<FeatureWeight, 'name' | 'events'>[],
): ReadonlyMap<string, string> | null {
  const featureOfEvent = new Map<string, string>();
  for (const feature of features) {
    for (const event of feature.events) if (isScoredEvent(event, weighting)) featureOfEvent.set(event, feature.name);
  }
  return featureOfEvent.size > 0 ? featureOfEvent : null;
}

/** Share of the units used, 0..1 with two decimals; 0 when there are no units. */
export function adoptionRate(unitsUsed: number, unitCount: number): number {
  if (unitCount <= 0) return 0;
  return Math.round(Math.min(1, unitsUsed / unitCount) * 100) / 100;
}

/** The unit an event counts toward (its feature, or itself), null when it counts toward none. */
export function adoptionUnitOf(event: string, units: AdoptionUnits, weighting: EventWeighting): string | null {
  if (!isScoredEvent(event, weighting)) return null;
  return units.featureOfEvent === null ? event : (units.featureOfEvent.get(event) ?? null);
}
