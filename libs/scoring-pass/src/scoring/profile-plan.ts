import {
  eventWeighting,
  parseTraitFilter,
  resolveEventWeights,
  timeFrame,
  type EventWeighting,
  type FeatureWeight,
  type TimeFrame,
  type TraitFilter,
} from '@coil/scoring';
import type { ScoringProfileRecord } from '@coil/settings';

/** One profile made ready to score: its weights, filter and frame at `now`. */
export interface ProfilePlan {
  readonly profile: ScoringProfileRecord;
  readonly weighting: EventWeighting;
  readonly filter: TraitFilter | null;
  readonly frame: TimeFrame;
  /** The workspace's features: the adoption units when one holds an event the profile scores. */
  readonly features: readonly FeatureWeight[];
}

/** Features are workspace-wide; direct weights belong to the profile and win over them. */
export function planProfile(
  profile: ScoringProfileRecord,
  features: readonly FeatureWeight[],
  directWeights: Readonly<Record<string, number>>,
  now: Date,
): ProfilePlan {
  return {
    profile,
    weighting: eventWeighting(resolveEventWeights({ features, directWeights })),
    filter: parseTraitFilter(profile.filter),
    frame: timeFrame(now, profile.windowDays),
    features,
  };
}
