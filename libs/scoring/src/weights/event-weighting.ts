/** Time frame used when a workspace has configured no scoring profile. */
export const DEFAULT_WINDOW_DAYS = 30;

/** Weight of every event when nothing is configured, so a new workspace sees scores at once. */
export const DEFAULT_EVENT_WEIGHT = 1;

export const MIN_EVENT_WEIGHT = 1;
export const MAX_EVENT_WEIGHT = 10;

/**
 * Resolved weights plus the weight of events not listed. With a configuration the
 * unlisted weight is 0 (not scored); with none it is DEFAULT_EVENT_WEIGHT.
 */
export interface EventWeighting {
  readonly weights: ReadonlyMap<string, number>;
  readonly unlistedWeight: number;
}

/**
 * An empty map means nothing is configured (no features, no direct weights): a default
 * profile row without weights must still score every event, or new workspaces see only 1s.
 */
export function eventWeighting(weights: ReadonlyMap<string, number>): EventWeighting {
  return { weights, unlistedWeight: weights.size === 0 ? DEFAULT_EVENT_WEIGHT : 0 };
}

/** The weighting of a workspace with no scoring profile at all. */
export function unconfiguredWeighting(): EventWeighting {
  return eventWeighting(new Map());
}

export function weightOfEvent(event: string, weighting: EventWeighting): number {
  return weighting.weights.get(event) ?? weighting.unlistedWeight;
}

export function isScoredEvent(event: string, weighting: EventWeighting): boolean {
  return weightOfEvent(event, weighting) > 0;
}

/** Whether the weighting scores every event (no configuration), so "scored events" is open-ended. */
export function scoresEveryEvent(weighting: EventWeighting): boolean {
  return weighting.unlistedWeight > 0;
}
