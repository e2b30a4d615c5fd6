import type { SqlClient } from '@coil/database';

/** A workspace's signal settings (workspaces.signal_*). */
export interface SignalSettings {
  /** Points of change against one time frame earlier that make a subject hot or cold. */
  readonly scoreThreshold: number;
  readonly watchedTraits: readonly string[];
  readonly retentionDays: number;
  /** When a scoring run set the baseline silently; null: the next run does, and until then nothing signals. */
  readonly baselineAt: Date | null;
}

export class SignalSettingsRepository {
  constructor(private readonly db: SqlClient) {}

  /** null: no such workspace. */
  async get(workspaceId: string): Promise<SignalSettings | null> {
    const result = await this.db.query<SignalSettings>(
      `SELECT signal_score_threshold AS "scoreThreshold", signal_watched_traits AS "watchedTraits",
              signal_retention_days AS "retentionDays", signals_baseline_at AS "baselineAt"
       FROM workspaces WHERE workspace_id = $1`,
      [workspaceId],
    );
    return result.rows[0] ?? null;
  }

  /** A scoring run recorded the state silently: signals flow from now on. */
  async setBaseline(workspaceId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE workspaces SET signals_baseline_at = $2 WHERE workspace_id = $1', [workspaceId, at]);
  }

  /** A replay or backfill: the next scoring run sets the baseline again, silently. */
  async clearBaseline(workspaceId: string): Promise<void> {
    await this.db.query('UPDATE workspaces SET signals_baseline_at = NULL WHERE workspace_id = $1 AND signals_baseline_at IS NOT NULL', [
      workspaceId,
    ]);
  }
}
