import type { SqlClient } from '@coil/database';

/**
 * Serialises scoring writes and configuration changes of one workspace (until commit), so
 * two runs never record the same segment entry twice and a workspace keeps one default profile.
 */
export class ScoringLockRepository {
  constructor(private readonly db: SqlClient) {}

  async lock(workspaceId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended('coil-scoring:' || $1::text, 0))`, [workspaceId]);
  }
}
