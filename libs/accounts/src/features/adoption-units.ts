import { eventWeighting, isScoredEvent, resolveEventWeights, scoresEveryEvent, type FeatureWeight } from '@coil/scoring';

/** What adoption is counted in: a feature, or a scored event standing as its own feature. */
export interface AdoptionUnit {
  name: string;
  events: string[];
}

/**
 * A profile's adoption units (parity.md, as adoption_rate counts them): the workspace's features
 * that hold an event the profile scores; without such features, each scored event of the
 * profile; with no configuration at all, every event name the workspace has sent
 * (`everyEvent`: the caller reads them). `scoredEvents` null: every event scores.
 */
export type UnitPlan =
  { kind: 'units'; units: AdoptionUnit[]; scoredEvents: string[] | null } | { kind: 'every_event'; scoredEvents: null };

export function planAdoptionUnits(features: readonly FeatureWeight[], directWeights: Readonly<Record<string, number>>): UnitPlan {
  const weighting = eventWeighting(resolveEventWeights({ features, directWeights }));
  const scoredEvents = scoresEveryEvent(weighting)
    ? null
    : [...weighting.weights.keys()].filter((event) => isScoredEvent(event, weighting)).sort();
  const scoredFeatures = features
    .filter((feature) => feature.events.some((event) => isScoredEvent(event, weighting)))
    .map((feature) => ({ name: feature.name, events: [...feature.events].sort() }))
    .sort((a, b) => compareNames(a.name, b.name));
  if (scoredFeatures.length > 0) return { kind: 'units', units: scoredFeatures, scoredEvents };
  if (scoredEvents === null) return { kind: 'every_event', scoredEvents: null };
  return { kind: 'units', units: eventUnits(scoredEvents), scoredEvents };
}

/** Each event its own unit, by name. */
export function eventUnits(events: readonly string[]): AdoptionUnit[] {
  return [...events].sort(compareNames).map((event) => ({ name: event, events: [event] }));
}

/** Code-point order, the same on every machine (no locale). */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
