import type { TraitDataType, TraitTypes } from '@coil/scoring';
import type { SqlClient } from '@coil/database';

/** trait_types: the declared type of a trait key; keys without a row are strings. */
export class TraitTypeRepository {
  constructor(private readonly db: SqlClient) {}

  async list(workspaceId: string): Promise<TraitTypes> {
    const result = await this.db.query<{ key: string; type: TraitDataType }>(
      'SELECT key, type FROM trait_types WHERE workspace_id = $1 ORDER BY key',
      [workspaceId],
    );
    return new Map(result.rows.map((row) => [row.key, row.type]));
  }

  /** `string` is the default: setting it removes the row. */
  async set(workspaceId: string, key: string, type: TraitDataType): Promise<void> {
    if (type === 'string') {
      await this.db.query('DELETE FROM trait_types WHERE workspace_id = $1 AND key = $2', [workspaceId, key]);
      return;
    }
    await this.db.query(
      `INSERT INTO trait_types (workspace_id, key, type, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (workspace_id, key) DO UPDATE SET type = EXCLUDED.type, updated_at = now()`,
      [workspaceId, key, type],
    );
  }
}
