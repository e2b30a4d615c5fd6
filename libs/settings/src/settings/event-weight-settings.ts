import { CoilError, parseName } from '@coil/domain';
import type { UnitOfWork } from '@coil/database';
import { requireWorkspace, type WorkspaceDirectory } from '@coil/workspaces';
import type { ScoringProfileRecord } from '../repositories/scoring-profile.repository';
import { changeSettings, type SettingsRepositories } from '../repositories/settings-repositories';
import { parseWeight } from './settings-input';

export interface EventWeightChange {
  readonly workspaceId: string;
  readonly event: string;
  readonly weight: number;
  /** Omitted: the default profile (created when the workspace has none). */
  readonly profile?: string;
}

export interface EventWeightView {
  readonly workspace_id: string;
  readonly profile_id: string;
  readonly profile: string;
  readonly event: string;
  readonly weight: number;
}

/** `event weight`: a direct weight for one event in one profile; it wins over the event's feature. */
export class EventWeightSettings {
  constructor(
    private readonly workspaces: WorkspaceDirectory,
    private readonly settings: UnitOfWork<SettingsRepositories>,
  ) {}

  async set(change: EventWeightChange): Promise<EventWeightView> {
    const workspaceId = await requireWorkspace(this.workspaces, change.workspaceId);
    const event = parseName(change.event, 'event name');
    const weight = parseWeight(change.weight);
    return changeSettings(this.settings, workspaceId, async ({ profiles, eventWeights }) => {
      const profile = await targetProfile(profiles, workspaceId, change.profile);
      await eventWeights.set(workspaceId, profile.id, event, weight);
      return { workspace_id: workspaceId, profile_id: profile.id, profile: profile.name, event, weight };
    });
  }
}

async function targetProfile(
  profiles: SettingsRepositories['profiles'],
  workspaceId: string,
  name: string | undefined,
): Promise<ScoringProfileRecord> {
  if (name === undefined) return profiles.ensureDefault(workspaceId);
  const found = await profiles.findByName(workspaceId, parseName(name, 'profile name'));
  if (found === undefined) throw new CoilError('not_found', 'not_found', `profile "${name}" not found in workspace ${workspaceId}`);
  return found;
}
