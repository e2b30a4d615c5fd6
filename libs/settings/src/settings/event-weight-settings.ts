import { CoilError } from '@coil/domain';
import type { Pool } from 'pg';
import { inTransaction } from '@coil/database';
import { lockWorkspaceScoring } from '../database/workspace-lock';
import { EventWeightRepository } from '../repositories/event-weight.repository';
import { ScoringProfileRepository, type ScoringProfileRecord } from '../repositories/scoring-profile.repository';
import { parseName, parseWeight } from './settings-input';
import { requireWorkspace } from '@coil/workspaces';
import { WorkspaceRepository } from '../repositories/workspace.repository';

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
  constructor(private readonly pool: Pool) {}

  async set(change: EventWeightChange): Promise<EventWeightView> {
    const workspaceId = await requireWorkspace(new WorkspaceRepository(this.pool), change.workspaceId);
    const event = parseName(change.event, 'event name');
    const weight = parseWeight(change.weight);
    return inTransaction(this.pool, async (client) => {
      await lockWorkspaceScoring(client, workspaceId);
      const profile = await targetProfile(new ScoringProfileRepository(client), workspaceId, change.profile);
      await new EventWeightRepository(client).set(workspaceId, profile.id, event, weight);
      return { workspace_id: workspaceId, profile_id: profile.id, profile: profile.name, event, weight };
    });
  }
}

async function targetProfile(
  profiles: ScoringProfileRepository,
  workspaceId: string,
  name: string | undefined,
): Promise<ScoringProfileRecord> {
  if (name === undefined) return profiles.ensureDefault(workspaceId);
  const found = await profiles.findByName(workspaceId, parseName(name, 'profile name'));
  if (found === undefined) throw new CoilError('not_found', 'not_found', `profile "${name}" not found in workspace ${workspaceId}`);
  return found;
}
