import type { SqlClient } from '@coil/database';

export class WorkspaceRepository {
  constructor(private readonly db: SqlClient) {}

  async exists(workspaceId: string): Promise<boolean> {
    const result = await this.db.query('SELECT 1 FROM workspaces WHERE workspace_id = $1', [workspaceId]);
    return result.rowCount === 1;
  }

  async listIds(): Promise<string[]> {
    const result = await this.db.query<{ id: string }>('SELECT workspace_id::text AS id FROM workspaces ORDER BY workspace_id');
    return result.rows.map((row) => row.id);
  }

  /** Distinct event names ever counted: the activation_rate denominator when every event scores. */
  async eventNames(workspaceId: string): Promise<string[]> {
    const result = await this.db.query<{ event: string }>('SELECT DISTINCT event FROM daily_counts WHERE workspace_id = $1', [workspaceId]);
    return result.rows.map((row) => row.event);
  }
}
