import type { SqlClient } from '@coil/database';

/** processed_batches and seen_messages: what makes a job and a messageId count once. */
export class BatchRepository {
  constructor(private readonly db: SqlClient) {}

  /** Records the batch; false when it was already applied (the caller then skips it). */
  async claim(workspaceId: string, batchId: string, eventCount: number): Promise<boolean> {
    const result = await this.db.query(
      `INSERT INTO processed_batches (workspace_id, batch_id, event_count) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, batch_id) DO NOTHING`,
      [workspaceId, batchId, eventCount],
    );
    return result.rowCount === 1;
  }

  /**
   * Records messageIds (sorted by the caller) and returns those not seen in the last 24 h. A row
   * older than that counts as unseen even before the prune deletes it.
   */
  async markSeen(workspaceId: string, messageIds: string[]): Promise<Set<string>> {
    const result = await this.db.query<{ message_id: string }>(
      `INSERT INTO seen_messages (workspace_id, message_id)
       SELECT $1, m FROM unnest($2::text[]) AS t(m)
       ON CONFLICT (workspace_id, message_id) DO UPDATE SET seen_at = CURRENT_TIMESTAMP
         WHERE seen_messages.seen_at < CURRENT_TIMESTAMP - interval '24 hours'
       RETURNING message_id`,
      [workspaceId, messageIds],
    );
    return new Set(result.rows.map((row) => row.message_id));
  }
}
