import type { FeatureWeight } from '@coil/scoring';
import type { SqlClient } from '@coil/database';

export interface FeatureRecord extends FeatureWeight {
  readonly id: string;
}

export interface EventOwner {
  readonly event: string;
  readonly featureName: string;
}

export class FeatureRepository {
  constructor(private readonly db: SqlClient) {}

  /** Every feature of the workspace with its events (sorted), by name. */
  async list(workspaceId: string): Promise<FeatureRecord[]> {
    const result = await this.db.query<FeatureRecord>(
      `SELECT f.id::text AS id, f.name, f.weight,
              COALESCE(array_agg(fe.event ORDER BY fe.event) FILTER (WHERE fe.event IS NOT NULL), '{}') AS events
       FROM features f
       LEFT JOIN feature_events fe ON fe.workspace_id = f.workspace_id AND fe.feature_id = f.id
       WHERE f.workspace_id = $1
       GROUP BY f.id, f.name, f.weight
       ORDER BY f.name`,
      [workspaceId],
    );
    return result.rows;
  }

  /**
   * Every event name the workspace has sent: what a profile that scores every event (nothing
   * configured) counts, as activation_rate's and the adoption rates' denominator.
   */
  async eventNames(workspaceId: string): Promise<string[]> {
    const result = await this.db.query<{ event: string }>('SELECT DISTINCT event FROM daily_counts WHERE workspace_id = $1', [workspaceId]);
    return result.rows.map((row) => row.event);
  }

  async ownersOf(workspaceId: string, events: readonly string[]): Promise<EventOwner[]> {
    const result = await this.db.query<EventOwner>(
      `SELECT fe.event, f.name AS "featureName"
       FROM feature_events fe JOIN features f ON f.workspace_id = fe.workspace_id AND f.id = fe.feature_id
       WHERE fe.workspace_id = $1 AND fe.event = ANY($2::text[])
       ORDER BY fe.event`,
      [workspaceId, events],
    );
    return result.rows;
  }

  /** Creates the feature or changes its weight; returns its id. */
  async upsert(workspaceId: string, name: string, weight: number): Promise<string> {
    const result = await this.db.query<{ id: string }>(
      `INSERT INTO features (workspace_id, name, weight) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, name) DO UPDATE SET weight = EXCLUDED.weight
       RETURNING id::text AS id`,
      [workspaceId, name, weight],
    );
    return result.rows[0].id;
  }

  /**
   * The feature's events become exactly `events`, taking any of them from other features. Its
   * first uses are recorded again, silently, by the next scoring run: an event added now may
   * have been used long before, which is no feature_first_used.
   */
  async replaceEvents(workspaceId: string, featureId: string, events: readonly string[]): Promise<void> {
    await this.db.query('DELETE FROM feature_events WHERE workspace_id = $1 AND (feature_id = $2 OR event = ANY($3::text[]))', [
      workspaceId,
      featureId,
      events,
    ]);
    await this.db.query(
      `INSERT INTO feature_events (workspace_id, event, feature_id)
       SELECT $1::bigint, event, $2::bigint FROM unnest($3::text[]) AS e(event)`,
      [workspaceId, featureId, events],
    );
    await this.db.query('UPDATE features SET first_uses_at = NULL WHERE workspace_id = $1 AND id = $2', [workspaceId, featureId]);
  }
}
