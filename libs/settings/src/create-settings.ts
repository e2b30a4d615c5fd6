import type { Pool } from 'pg';
import { PgUnitOfWork } from '@coil/database';
import { ActivationChecklistRepository } from './repositories/activation-checklist.repository';
import { FeatureRepository } from './repositories/feature.repository';
import { SegmentRepository } from './repositories/segment.repository';
import { createSettingsRepositories } from './repositories/settings-repositories';
import { SignalSettingsRepository } from './repositories/signal-settings.repository';
import { TraitTypeRepository } from './repositories/trait-type.repository';
import { TraitValueRepository } from './repositories/trait-value.repository';
import { WorkspaceRepository } from '@coil/workspaces';
import { AccountSettingsService } from './settings/account-settings';
import { ActivationSettings } from './settings/activation-settings';
import { EventWeightSettings } from './settings/event-weight-settings';
import { FeatureSettings } from './settings/feature-settings';
import { ProfileSettings } from './settings/profile-settings';
import { SegmentSettings } from './settings/segment-settings';
import { SignalSettingsService } from './settings/signal-settings';
import { TraitTypeSettings } from './settings/trait-type-settings';

/** The settings commands of a workspace, one service per kind of setting. */
export interface Settings {
  readonly profiles: ProfileSettings;
  readonly features: FeatureSettings;
  readonly eventWeights: EventWeightSettings;
  readonly segments: SegmentSettings;
  readonly activation: ActivationSettings;
  readonly accounts: AccountSettingsService;
  readonly traitTypes: TraitTypeSettings;
  readonly signals: SignalSettingsService;
}

/** Wires the settings services to PostgreSQL: reads on the pool, changes in one transaction each. */
export function createSettings(pool: Pool): Settings {
  const workspaces = new WorkspaceRepository(pool);
  const changes = new PgUnitOfWork(pool, createSettingsRepositories);
  return {
    profiles: new ProfileSettings(workspaces, changes),
    features: new FeatureSettings(workspaces, new FeatureRepository(pool), changes),
    eventWeights: new EventWeightSettings(workspaces, changes),
    segments: new SegmentSettings(workspaces, new SegmentRepository(pool), changes),
    activation: new ActivationSettings(workspaces, new ActivationChecklistRepository(pool), changes),
    accounts: new AccountSettingsService(workspaces, changes),
    traitTypes: new TraitTypeSettings(workspaces, new TraitTypeRepository(pool), new TraitValueRepository(pool), changes),
    signals: new SignalSettingsService(workspaces, new SignalSettingsRepository(pool), changes),
  };
}
