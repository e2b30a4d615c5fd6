import type { SqlClient } from '@coil/database';

export class EventWeightRepository {
  constructor(private readonly db: SqlClient) {}

  async set(workspaceId: string, profileId: string, event: string, weight: number): Promise<void> {
    await this.db.query(
      `INSERT INTO event_weights (workspace_id, profile_id, event, weight) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, profile_id, event) DO UPDATE SET weight = EXCLUDED.weight`,
      [workspaceId, profileId, event, weight],
    );
  }

  /** A profile's direct weights as event -> weight. */
  async forProfile(workspaceId: string, profileId: string): Promise<Record<string, number>> {
    const result = await this.db.query<{ event: string; weight: number }>(
      'SELECT event, weight FROM event_weights WHERE workspace_id = $1 AND profile_id = $2',
      [workspaceId, profileId],
    );
    return Object.fromEntries(result.rows.map((row) => [row.event, row.weight]));
  }
}
