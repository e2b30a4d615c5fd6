import type { SqlClient } from '@coil/database';

/** What decides which signals a workspace gets and how long they are kept (outbound.md). */
export interface SignalSettings {
  /** Points of engagement score change, against one time frame earlier, that make a trend hot or cold. */
  readonly scoreThreshold: number;
  /** Traits whose changes are `trait_changed` signals. */
  readonly watchedTraits: readonly string[];
  readonly retentionDays: number;
}

const COLUMNS = `signal_score_threshold AS "scoreThreshold", signal_watched_traits AS "watchedTraits",
  signal_retention_days AS "retentionDays"`;

/** The signal settings columns of workspaces. */
export class SignalSettingsRepository {
  constructor(private readonly db: SqlClient) {}

  async read(workspaceId: string): Promise<SignalSettings | undefined> {
    const result = await this.db.query<SignalSettings>(`SELECT ${COLUMNS} FROM workspaces WHERE workspace_id = $1`, [workspaceId]);
    return result.rows[0];
  }

  /** Sets the given settings, leaves the others, and returns them as they now are. */
  async update(workspaceId: string, change: Partial<SignalSettings>): Promise<SignalSettings | undefined> {
    const result = await this.db.query<SignalSettings>(
      `UPDATE workspaces SET
         signal_score_threshold = COALESCE($2::int, signal_score_threshold),
         signal_watched_traits = COALESCE($3::text[], signal_watched_traits),
         signal_retention_days = COALESCE($4::int, signal_retention_days)
       WHERE workspace_id = $1 RETURNING ${COLUMNS}`,
      [workspaceId, change.scoreThreshold ?? null, change.watchedTraits ?? null, change.retentionDays ?? null],
    );
    return result.rows[0];
  }
}
