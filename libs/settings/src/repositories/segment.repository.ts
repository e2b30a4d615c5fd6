import { SUGGESTED_SEGMENTS } from '@coil/scoring';
import type { SqlClient } from '@coil/database';

export interface SegmentRecord {
  readonly id: string;
  readonly name: string;
  readonly rule: string;
  readonly builtin: boolean;
  /** Accounts currently in the segment. */
  readonly members: number;
}

export class SegmentRepository {
  constructor(private readonly db: SqlClient) {}

  /**
   * Gives the workspace the suggested segments once: it claims workspaces.suggested_segments_at
   * and inserts the catalogue in the same statement, so a second caller (racing or later)
   * inserts nothing and a deleted suggestion stays deleted. A segment the user already made with
   * a suggestion's name is kept as it is.
   */
  async ensureSuggested(workspaceId: string): Promise<void> {
    await this.db.query(
      `WITH claimed AS (
         UPDATE workspaces SET suggested_segments_at = now()
         WHERE workspace_id = $1 AND suggested_segments_at IS NULL RETURNING workspace_id
       )
       INSERT INTO segments (workspace_id, name, rule, builtin)
       SELECT claimed.workspace_id, s.name, s.rule, true
       FROM claimed CROSS JOIN unnest($2::text[], $3::text[]) WITH ORDINALITY AS s(name, rule, position)
       ORDER BY s.position
       ON CONFLICT (workspace_id, name) DO NOTHING`,
      [workspaceId, SUGGESTED_SEGMENTS.map((segment) => segment.name), SUGGESTED_SEGMENTS.map((segment) => segment.rule)],
    );
  }

  async list(workspaceId: string): Promise<SegmentRecord[]> {
    const result = await this.db.query<SegmentRecord>(
      `SELECT s.id::text AS id, s.name, s.rule, s.builtin,
              (SELECT count(*)::int FROM segment_memberships sm
               WHERE sm.workspace_id = s.workspace_id AND sm.segment_id = s.id AND sm.left_at IS NULL) AS members
       FROM segments s WHERE s.workspace_id = $1 ORDER BY s.id`,
      [workspaceId],
    );
    return result.rows;
  }

  /** Undefined when the name is taken. */
  async insert(workspaceId: string, name: string, rule: string): Promise<SegmentRecord | undefined> {
    const result = await this.db.query<SegmentRecord>(
      `INSERT INTO segments (workspace_id, name, rule) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, name) DO NOTHING
       RETURNING id::text AS id, name, rule, builtin, 0 AS members`,
      [workspaceId, name, rule],
    );
    return result.rows[0];
  }

  /** Deletes the segment and its membership history; undefined when there is no such segment. */
  async delete(workspaceId: string, ref: { id: string } | { name: string }): Promise<SegmentRecord | undefined> {
    const [column, value] = 'id' in ref ? ['id', ref.id] : ['name', ref.name];
    const result = await this.db.query<SegmentRecord>(
      `DELETE FROM segments WHERE workspace_id = $1 AND ${column} = $2
       RETURNING id::text AS id, name, rule, builtin, 0 AS members`,
      [workspaceId, value],
    );
    const deleted = result.rows[0];
    if (deleted !== undefined) {
      await this.db.query('DELETE FROM segment_memberships WHERE workspace_id = $1 AND segment_id = $2', [workspaceId, deleted.id]);
    }
    return deleted;
  }
}
