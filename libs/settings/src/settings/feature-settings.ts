import { CoilError, parseName } from '@coil/domain';
import type { RepositoryShape, UnitOfWork } from '@coil/database';
import { requireWorkspace, type WorkspaceDirectory } from '@coil/workspaces';
import type { EventOwner, FeatureRecord, FeatureRepository } from '../repositories/feature.repository';
import { changeSettings, type SettingsRepositories } from '../repositories/settings-repositories';
import { parseEventList, parseWeight } from './settings-input';

export interface FeatureChange {
  readonly workspaceId: string;
  readonly name: string;
  /** Comma list, e.g. `report_created,report_shared`. */
  readonly events: string;
  readonly weight: number;
  /** Take listed events from the features they belong to now; without it that is a conflict. */
  readonly move?: boolean;
}

export interface FeatureView {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  readonly events: string[];
}

export interface FeatureSetResult extends FeatureView {
  readonly workspace_id: string;
  /** Events taken from other features by --move. */
  readonly moved: { readonly event: string; readonly from: string }[];
}

/** `feature set` and `feature list`. Features are workspace-wide; each event is in at most one. */
export class FeatureSettings {
  constructor(
    private readonly workspaces: WorkspaceDirectory,
    private readonly features: RepositoryShape<FeatureRepository>,
    private readonly settings: UnitOfWork<SettingsRepositories>,
  ) {}

  async set(change: FeatureChange): Promise<FeatureSetResult> {
    const workspaceId = await requireWorkspace(this.workspaces, change.workspaceId);
    const name = parseName(change.name, 'feature name');
    const events = parseEventList(change.events);
    const weight = parseWeight(change.weight);
    return changeSettings(this.settings, workspaceId, async ({ features }) => {
      const taken = (await features.ownersOf(workspaceId, events)).filter((owner) => owner.featureName !== name);
      if (taken.length > 0 && !change.move) throw conflict(taken);
      const id = await features.upsert(workspaceId, name, weight);
      await features.replaceEvents(workspaceId, id, events);
      const moved = taken.map((owner) => ({ event: owner.event, from: owner.featureName }));
      return { workspace_id: workspaceId, id, name, weight, events: [...events].sort(), moved };
    });
  }

  async list(workspace: string): Promise<FeatureView[]> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const features = await this.features.list(workspaceId);
    return features.map((feature: FeatureRecord) => ({
      id: feature.id,
      name: feature.name,
      weight: feature.weight,
      events: [...feature.events],
    }));
  }
}

function conflict(taken: readonly EventOwner[]): CoilError {
  const list = taken.map((owner) => `"${owner.event}" (feature "${owner.featureName}")`).join(', ');
  return new CoilError('conflict', 'invalid_parameter', `already in another feature: ${list}; pass --move to move them`, {
    events: taken.map((owner) => ({ event: owner.event, feature: owner.featureName })),
  });
}
