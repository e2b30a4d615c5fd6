import type { SqlClient } from '@coil/database';

const CHUNK = 10_000;

/** Deletes in chunks, so a prune never holds many row locks or one long transaction. */
async function deleteInChunks(db: SqlClient, table: string, column: string, olderThan: string): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.query(
      `DELETE FROM ${table} WHERE ctid = ANY (ARRAY(
         SELECT ctid FROM ${table} WHERE ${column} < CURRENT_TIMESTAMP - $1::interval LIMIT ${CHUNK}))`,
      [olderThan],
    );
    total += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < CHUNK) return total;
  }
}

/** Dedup state outlives its use: messageIds after 24 h, batch ids long after any redelivery. */
export class RetentionRepository {
  constructor(private readonly db: SqlClient) {}

  pruneSeenMessages(): Promise<number> {
    return deleteInChunks(this.db, 'seen_messages', 'seen_at', '24 hours');
  }

  pruneProcessedBatches(): Promise<number> {
    return deleteInChunks(this.db, 'processed_batches', 'processed_at', '7 days');
  }
}
