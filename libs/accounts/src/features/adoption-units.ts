import { adoptionUnits, eventWeighting, isScoredEvent, resolveEventWeights, scoresEveryEvent, type FeatureWeight } from '@coil/scoring';

/** What adoption is counted in: a feature, or a scored event standing as its own feature. */
export interface AdoptionUnit {
  name: string;
  events: string[];
}

/**
 * A profile's adoption units exactly as adoption_rate counts them (adoptionUnits of
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
  // Without the workspace's event names, an unconfigured workspace has no units yet: the caller reads them.
  const { unitOfEvent } = adoptionUnits(weighting, features, []);
  if (unitOfEvent.size === 0 && scoredEvents === null) return { kind: 'every_event', scoredEvents: null };
  return { kind: 'units', units: unitsOf(unitOfEvent), scoredEvents };
}

/** The units by name, each with the scored events that count toward it. */
function unitsOf(unitOfEvent: ReadonlyMap<string, string>): AdoptionUnit[] {
  const events = new Map<string, string[]>();
  for (const [event, unit] of unitOfEvent) events.set(unit, [...(events.get(unit) ?? []), event]);
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
