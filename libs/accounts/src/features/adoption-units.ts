import { adoptionFeatures, eventWeighting, isScoredEvent, resolveEventWeights, scoresEveryEvent, type FeatureWeight } from '@coil/scoring';

/** What adoption is counted in: a feature, or a scored event standing as its own feature. */
export interface AdoptionUnit {
  name: string;
  events: string[];
}

/**
 * A profile's adoption units exactly as adoption_rate counts them (adoptionFeatures of
 * @coil/scoring): the features holding an event the profile scores, with those events; without
 * such features, each scored event; with no configuration at all, every event name the workspace
 * has sent (`every_event`: the caller reads them). `scoredEvents` null: every event scores.
 */
export type UnitPlan =
  { kind: 'units'; units: AdoptionUnit[]; scoredEvents: string[] | null } | { kind: 'every_event'; scoredEvents: null };

export function planAdoptionUnits(features: readonly FeatureWeight[], directWeights: Readonly<Record<string, number>>): UnitPlan {
  const weighting = eventWeighting(resolveEventWeights({ features, directWeights }));
  const scoredEvents = scoresEveryEvent(weighting)
    ? null
    : [...weighting.weights.keys()].filter((event) => isScoredEvent(event, weighting)).sort();
  const featureOfEvent = adoptionFeatures(weighting, features);
  if (featureOfEvent !== null) return { kind: 'units', units: featureUnits(featureOfEvent), scoredEvents };
  if (scoredEvents === null) return { kind: 'every_event', scoredEvents: null };
  return { kind: 'units', units: eventUnits(scoredEvents), scoredEvents };
}

/** The features' units, by name, each with its scored events. */
function featureUnits(featureOfEvent: ReadonlyMap<string, string>): AdoptionUnit[] {
  const events = new Map<string, string[]>();
  for (const [event, feature] of featureOfEvent) events.set(feature, [...(events.get(feature) ?? []), event]);
  return [...events.keys()].sort(compareNames).map((name) => ({ name, events: (events.get(name) ?? []).sort(compareNames) }));
}

/** Each event its own unit, by name. */
export function eventUnits(events: readonly string[]): AdoptionUnit[] {
  return [...events].sort(compareNames).map((event) => ({ name: event, events: [event] }));
}

/** Code-point order, the same on every machine (no locale). */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
