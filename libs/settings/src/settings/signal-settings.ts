import { CoilError } from '@coil/domain';
import type { UnitOfWork } from '@coil/database';
import { requireWorkspace, type WorkspaceDirectory } from '@coil/workspaces';
import type { SignalSettings, SignalSettingsRepository } from '../repositories/signal-settings.repository';
import { changeSettings, type SettingsRepositories } from '../repositories/settings-repositories';
import { parseTraitKey } from './settings-input';

const SCORE_THRESHOLD_RANGE = { min: 1, max: 100 } as const;
const RETENTION_DAYS_RANGE = { min: 1, max: 400 } as const;
const MAX_WATCHED_TRAITS = 50;

/** `signal settings`: absent keys are left as they are. */
export interface SignalSettingsChange {
  readonly scoreThreshold?: number;
  readonly watchedTraits?: readonly string[];
  readonly retentionDays?: number;
}

export interface SignalSettingsView {
  readonly workspace_id: string;
  readonly score_threshold: number;
  readonly watched_traits: readonly string[];
  readonly retention_days: number;
}

/**
 * The per-workspace settings of signals (outbound.md): the score change that flips a trend,
 * the watched traits, the retention. Changes take the scoring lock, so a scoring run derives
 * its signals with one set of settings.
 */
export class SignalSettingsService {
  constructor(
    private readonly workspaces: WorkspaceDirectory,
    private readonly signalSettings: Pick<SignalSettingsRepository, 'read'>,
    private readonly settings: UnitOfWork<SettingsRepositories>,
  ) {}

  async show(workspace: string): Promise<SignalSettingsView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    return signalSettingsView(workspaceId, await this.signalSettings.read(workspaceId));
  }

  async change(workspace: string, change: SignalSettingsChange): Promise<SignalSettingsView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const valid = {
      scoreThreshold: change.scoreThreshold === undefined ? undefined : parseScoreThreshold(change.scoreThreshold),
      watchedTraits: change.watchedTraits === undefined ? undefined : parseWatchedTraits(change.watchedTraits),
      retentionDays: change.retentionDays === undefined ? undefined : parseRetentionDays(change.retentionDays),
    };
    const saved = await changeSettings(this.settings, workspaceId, ({ signalSettings }) => signalSettings.update(workspaceId, valid));
    return signalSettingsView(workspaceId, saved);
  }
}

export function parseScoreThreshold(raw: string | number): number {
  return wholeNumber(raw, 'score threshold', SCORE_THRESHOLD_RANGE);
}

export function parseRetentionDays(raw: string | number): number {
  return wholeNumber(raw, 'retention days', RETENTION_DAYS_RANGE);
}

/** `plan,status` or a list: trait keys (parseTraitKey), once each; `''` or `[]` watches none. */
export function parseWatchedTraits(raw: string | readonly string[]): string[] {
  const keys = typeof raw === 'string' ? (raw.trim() === '' ? [] : raw.split(',')) : raw;
  const traits = [...new Set(keys.map((key) => parseTraitKey(key, 'watched trait')))];
  if (traits.length > MAX_WATCHED_TRAITS) {
    throw new CoilError('bad_request', 'invalid_parameter', `watch at most ${MAX_WATCHED_TRAITS} traits, got ${traits.length}`);
  }
  return traits;
}

function wholeNumber(raw: string | number, what: string, range: { min: number; max: number }): number {
  const value = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new CoilError(
      'bad_request',
      'invalid_parameter',
      `${what} must be a whole number from ${range.min} to ${range.max}, got "${raw}"`,
    );
  }
  return value;
}

function signalSettingsView(workspaceId: string, settings: SignalSettings | undefined): SignalSettingsView {
  // Gone between the guard and the read: the same answer the guard gives.
  if (settings === undefined) throw new CoilError('not_found', 'not_found', `workspace ${workspaceId} not found`);
  return {
    workspace_id: workspaceId,
    score_threshold: settings.scoreThreshold,
    watched_traits: settings.watchedTraits,
    retention_days: settings.retentionDays,
  };
}
