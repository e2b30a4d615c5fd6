import type { ScoringReads } from '../repositories/scoring-repositories';
import { planProfile, type ProfilePlan } from './profile-plan';

/**
 * Every profile of the workspace, default first. A workspace that configured none gets the
 * default profile created here, so its scores have a profile id to be stored under.
 */
export async function loadProfilePlans(
  reads: Pick<ScoringReads, 'profiles' | 'features' | 'eventWeights'>,
  workspaceId: string,
  now: Date,
): Promise<ProfilePlan[]> {
  await reads.profiles.ensureDefault(workspaceId);
  const [records, features] = await Promise.all([reads.profiles.list(workspaceId), reads.features.list(workspaceId)]);
  return Promise.all(
    records.map(async (profile) => planProfile(profile, features, await reads.eventWeights.forProfile(workspaceId, profile.id), now)),
  );
}
