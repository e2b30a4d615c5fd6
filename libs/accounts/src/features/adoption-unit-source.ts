import type { EventWeightRepository, FeatureRepository } from '@coil/settings';
import type { ResolvedProfile } from '../profiles/profile-resolver';
import { eventUnits, planAdoptionUnits, type AdoptionUnit } from './adoption-units';

export interface ProfileUnits {
  units: AdoptionUnit[];
  /** The events the profile scores; null: every event. */
  scoredEvents: string[] | null;
}

/** Reads the configuration a profile's adoption units come from. */
export class AdoptionUnitSource {
  constructor(
    private readonly features: Pick<FeatureRepository, 'list' | 'eventNames'>,
    private readonly weights: Pick<EventWeightRepository, 'forProfile'>,
  ) {}

  async unitsOf(workspaceId: string, profile: ResolvedProfile): Promise<ProfileUnits> {
    const [features, directWeights] = await Promise.all([
      this.features.list(workspaceId),
      profile.id === null ? Promise.resolve({}) : this.weights.forProfile(workspaceId, profile.id),
    ]);
    const plan = planAdoptionUnits(features, directWeights);
    if (plan.kind === 'units') return { units: plan.units, scoredEvents: plan.scoredEvents };
    return { units: eventUnits(await this.features.eventNames(workspaceId)), scoredEvents: null };
  }
}
