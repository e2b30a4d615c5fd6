import { CoilError, parseName } from '@coil/domain';
import { parseTraitFilter, RuleParseError, type NormalizationMethod, type WindowDays } from '@coil/scoring';
import type { UnitOfWork } from '@coil/database';
import { requireWorkspace, type WorkspaceDirectory } from '@coil/workspaces';
import {
  DEFAULT_PROFILE_NAME,
  DEFAULT_PROFILE_VALUES,
  type ProfileValues,
  type ScoringProfileRecord,
} from '../repositories/scoring-profile.repository';
import { changeSettings, type SettingsRepositories } from '../repositories/settings-repositories';

export interface ProfileChange {
  readonly workspaceId: string;
  /** Omitted: the workspace's default profile (created as "default" when there is none). */
  readonly name?: string;
  readonly windowDays?: WindowDays;
  /** Empty text removes the filter. */
  readonly filter?: string;
  readonly normalization?: NormalizationMethod;
  readonly makeDefault?: boolean;
}

export interface ProfileView {
  readonly workspace_id: string;
  readonly id: string;
  readonly name: string;
  readonly window_days: WindowDays;
  readonly filter: string | null;
  readonly normalization: NormalizationMethod;
  readonly is_default: boolean;
}

/** `profile set`: creates or changes a scoring profile; the first one becomes the default. */
export class ProfileSettings {
  constructor(
    private readonly workspaces: WorkspaceDirectory,
    private readonly settings: UnitOfWork<SettingsRepositories>,
  ) {}

  async set(change: ProfileChange): Promise<ProfileView> {
    const workspaceId = await requireWorkspace(this.workspaces, change.workspaceId);
    const filter = change.filter === undefined ? undefined : validFilter(change.filter);
    const record = await changeSettings(this.settings, workspaceId, async ({ profiles }) => {
      const current = await profiles.findDefault(workspaceId);
      const name = change.name === undefined ? (current?.name ?? DEFAULT_PROFILE_NAME) : parseName(change.name, 'profile name');
      const existing = await profiles.findByName(workspaceId, name);
      const values: ProfileValues = {
        ...valuesOf(existing),
        ...defined({ windowDays: change.windowDays, filter, normalization: change.normalization }),
      };
      const saved = existing
        ? await profiles.update(workspaceId, existing.id, values)
        : await profiles.insert(workspaceId, name, values, current === undefined);
      if (!change.makeDefault || saved.isDefault) return saved;
      await profiles.makeDefault(workspaceId, saved.id);
      return { ...saved, isDefault: true };
    });
    return profileView(workspaceId, record);
  }
}

/** Stored as given (the runner parses it again); a parse error is a 400 with the position. */
function validFilter(text: string): string | null {
  try {
    return parseTraitFilter(text)?.source ?? null;
  } catch (error) {
    if (!(error instanceof RuleParseError)) throw error;
    throw new CoilError('bad_request', 'invalid_parameter', `invalid filter: ${error.message}`, { position: error.position });
  }
}

function valuesOf(profile: ScoringProfileRecord | undefined): ProfileValues {
  if (profile === undefined) return DEFAULT_PROFILE_VALUES;
  return { windowDays: profile.windowDays, filter: profile.filter, normalization: profile.normalization };
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function profileView(workspaceId: string, record: ScoringProfileRecord): ProfileView {
  return {
    workspace_id: workspaceId,
    id: record.id,
    name: record.name,
    window_days: record.windowDays,
    filter: record.filter,
    normalization: record.normalization,
    is_default: record.isDefault,
  };
}
