import type { SqlClient } from '@coil/database';
import type { SignalSettings } from '@coil/settings';

/**
 * What deriving a workspace's signals reads from workspaces, in the deriving transaction: the
 * baseline with the settings it applies (@coil/settings edits them; retention is applied in SQL).
 */
export interface SignalBaseline extends Pick<SignalSettings, 'scoreThreshold' | 'watchedTraits'> {
  /** When a scoring run set the baseline silently; null: the next run does, and until then nothing signals. */
  readonly baselineAt: Date | null;
}

/** workspaces.signals_baseline_at, with the settings derivation needs. */
export class SignalBaselineRepository {
  constructor(private readonly db: SqlClient) {}

  /** null: no such workspace. */
  async read(workspaceId: string): Promise<SignalBaseline | null> {
    const result = await this.db.query<SignalBaseline>(
      `SELECT signals_baseline_at AS "baselineAt", signal_score_threshold AS "scoreThreshold", signal_watched_traits AS "watchedTraits"
       FROM workspaces WHERE workspace_id = $1`,
      [workspaceId],
    );
    return result.rows[0] ?? null;
  }

  /** A scoring run recorded the state silently: signals flow from now on. */
  async set(workspaceId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE workspaces SET signals_baseline_at = $2 WHERE workspace_id = $1', [workspaceId, at]);
  }

  /** A replay or backfill: the next scoring run sets the baseline again, silently. */
  async clear(workspaceId: string): Promise<void> {
    await this.db.query('UPDATE workspaces SET signals_baseline_at = NULL WHERE workspace_id = $1 AND signals_baseline_at IS NOT NULL', [
      workspaceId,
    ]);
  }
}
