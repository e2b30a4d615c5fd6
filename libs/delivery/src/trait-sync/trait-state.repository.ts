import type { SqlClient } from '@coil/database';
import type { ComputedTraits } from './computed-traits';

export type TraitSubjectType = 'account' | 'user';

export interface SentTraits {
  readonly subjectId: string;
  readonly traits: ComputedTraits;
}

/** destination_trait_states: the computed traits a reverse sync last delivered, per destination and subject. */
export class TraitStateRepository {
  constructor(private readonly db: SqlClient) {}

  /**
   * What the destination last received for these subjects (one page: ids ascending), by subject
   * id; absent: never sent. Read as the page's id range, one index range scan: `= ANY(ids)` on
   * the key's last column was planned as a filter over the destination's every row.
   */
  async sent(
    workspaceId: string,
    destinationId: string,
    type: TraitSubjectType,
    subjectIds: readonly string[],
  ): Promise<Map<string, ComputedTraits>> {
    if (subjectIds.length === 0) return new Map();
    const wanted = new Set(subjectIds);
    const result = await this.db.query<{ id: string; traits: ComputedTraits }>(
      `SELECT subject_id::text AS id, traits FROM destination_trait_states
       WHERE workspace_id = $1::bigint AND destination_id = $2::bigint AND subject_type = $3
         AND subject_id BETWEEN $4::bigint AND $5::bigint`,
      [workspaceId, destinationId, type, subjectIds[0], subjectIds[subjectIds.length - 1]],
    );
    return new Map(result.rows.filter((row) => wanted.has(row.id)).map((row) => [row.id, row.traits]));
  }

  /** Records what was delivered (the subject's full computed traits, not only the changed ones). */
  async record(workspaceId: string, destinationId: string, type: TraitSubjectType, sent: readonly SentTraits[], at: Date): Promise<void> {
    if (sent.length === 0) return;
    await this.db.query(
      `INSERT INTO destination_trait_states (workspace_id, destination_id, subject_type, subject_id, traits, sent_at)
       SELECT $1::bigint, $2::bigint, $3, s.id, s.traits::jsonb, $6
       FROM unnest($4::bigint[], $5::text[]) AS s(id, traits)
       ON CONFLICT (workspace_id, destination_id, subject_type, subject_id)
       DO UPDATE SET traits = EXCLUDED.traits, sent_at = EXCLUDED.sent_at`,
      [workspaceId, destinationId, type, sent.map((row) => row.subjectId), sent.map((row) => JSON.stringify(row.traits)), at],
    );
  }
}
