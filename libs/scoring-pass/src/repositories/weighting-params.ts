import type { EventWeighting } from '@coil/scoring';

/** A weighting as SQL parameters: parallel event/weight arrays plus the weight of unlisted events. */
export interface WeightingParams {
  readonly events: string[];
  readonly weights: number[];
  readonly unlistedWeight: number;
}

export function weightingParams(weighting: EventWeighting): WeightingParams {
  const entries = [...weighting.weights.entries()];
  return {
    events: entries.map(([event]) => event),
    weights: entries.map(([, weight]) => weight),
    unlistedWeight: weighting.unlistedWeight,
  };
}
