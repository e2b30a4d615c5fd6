import type { RepositoryShape, SqlClient, UnitOfWork } from '@coil/database';
import { WorkspaceRepository } from '@coil/workspaces';
import { ActivationChecklistRepository } from './activation-checklist.repository';
import { EventWeightRepository } from './event-weight.repository';
import { FeatureRepository } from './feature.repository';
import { ScoringLockRepository } from './scoring-lock.repository';
import { ScoringProfileRepository } from './scoring-profile.repository';
import { SegmentRepository } from './segment.repository';
import { SignalSettingsRepository } from './signal-settings.repository';
import { TraitTypeRepository } from './trait-type.repository';

/** Every repository a settings change touches, bound to the one client of its transaction. */
export interface SettingsRepositories {
  scoringLock: RepositoryShape<ScoringLockRepository>;
  profiles: RepositoryShape<ScoringProfileRepository>;
  features: RepositoryShape<FeatureRepository>;
  eventWeights: RepositoryShape<EventWeightRepository>;
  segments: RepositoryShape<SegmentRepository>;
  activationChecklists: RepositoryShape<ActivationChecklistRepository>;
  /** The account settings columns of workspaces. */
  workspaces: Pick<WorkspaceRepository, 'setAccountSettings'>;
  traitTypes: RepositoryShape<TraitTypeRepository>;
  /** The signal settings columns of workspaces. */
  signalSettings: Pick<SignalSettingsRepository, 'update'>;
}

export function createSettingsRepositories(db: SqlClient): SettingsRepositories {
  return {
    scoringLock: new ScoringLockRepository(db),
    profiles: new ScoringProfileRepository(db),
    features: new FeatureRepository(db),
    eventWeights: new EventWeightRepository(db),
    segments: new SegmentRepository(db),
    activationChecklists: new ActivationChecklistRepository(db),
    workspaces: new WorkspaceRepository(db),
    traitTypes: new TraitTypeRepository(db),
    signalSettings: new SignalSettingsRepository(db),
  };
}

/** A settings change: one transaction that first takes the workspace's scoring lock. */
export function changeSettings<T>(
  settings: UnitOfWork<SettingsRepositories>,
  workspaceId: string,
  work: (repositories: SettingsRepositories) => Promise<T>,
): Promise<T> {
  return settings.run(async (repositories) => {
    await repositories.scoringLock.lock(workspaceId);
    return work(repositories);
  });
}
