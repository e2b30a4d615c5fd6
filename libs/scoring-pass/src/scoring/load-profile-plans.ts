import type { SqlClient } from '@coil/database';
import { EventWeightRepository } from '@coil/settings';
import { FeatureRepository } from '@coil/settings';
import { ScoringProfileRepository } from '@coil/settings';
import { planProfile, type ProfilePlan } from './profile-plan';

/**
 * Every profile of the workspace, default first. A workspace that configured none gets the
 * default profile created here, so its scores have a profile id to be stored under.
 */
export async function loadProfilePlans(db: SqlClient, workspaceId: string, now: Date): Promise<ProfilePlan[]> {
  const profiles = new ScoringProfileRepository(db);
  await profiles.ensureDefault(workspaceId);
  const [records, features] = await Promise.all([profiles.list(workspaceId), new FeatureRepository(db).list(workspaceId)]);
  const weights = new EventWeightRepository(db);
  return Promise.all(
    records.map(async (profile) => planProfile(profile, features, await weights.forProfile(workspaceId, profile.id), now)),
  );
}
