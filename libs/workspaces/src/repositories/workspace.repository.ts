import type { SqlClient } from '@coil/database';
import type { WorkspaceDirectory } from '../guard/require-workspace';

export interface WorkspaceRow {
  id: string;
  name: string;
  createdAt: Date;
}

export class WorkspaceRepository implements WorkspaceDirectory {
  constructor(private readonly db: SqlClient) {}

  /** The new workspace's id. */
  async insert(name: string): Promise<string> {
    const result = await this.db.query<{ id: string }>('INSERT INTO workspaces (name) VALUES ($1) RETURNING workspace_id::text AS id', [
      name,
    ]);
    return result.rows[0].id;
  }

  async exists(workspaceId: string): Promise<boolean> {
    const result = await this.db.query('SELECT 1 FROM workspaces WHERE workspace_id = $1', [workspaceId]);
    return result.rowCount === 1;
  }

  async listIds(): Promise<string[]> {
    const result = await this.db.query<{ id: string }>('SELECT workspace_id::text AS id FROM workspaces ORDER BY workspace_id');
    return result.rows.map((row) => row.id);
  }

  async list(): Promise<WorkspaceRow[]> {
    const result = await this.db.query<WorkspaceRow>(
      'SELECT workspace_id::text AS id, name, created_at AS "createdAt" FROM workspaces ORDER BY workspace_id',
    );
    return result.rows;
  }
}
