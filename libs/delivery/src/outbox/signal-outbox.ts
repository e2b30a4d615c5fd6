import type { SqlClient } from '@coil/database';
import type { Signal } from '@coil/signals';

/** Signals per statement: 8 arrays of this many elements stay well below the protocol's limits. */
const RECORD_CHUNK = 5000;

// Stores the signals not stored yet, then one deliveries row per new signal and destination
// that takes it: webhook and Slack only (the reverse syncs read scores, not signals), enabled
// or not (a disabled destination's signals wait); `kinds` null takes every kind; `segments`
// null takes every subject, else a subject whose account (a user's: any of its accounts) is in
// one of those segments now, or a segment signal about one of them. Rows keep the given order
// (WITH ORDINALITY), so seq is the derivation order. Both inserts in one statement.
const RECORD_SQL = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::jsonb[], $7::timestamptz[], $8::jsonb[])
    WITH ORDINALITY AS i(id, kind, subject_type, subject_id, subject, occurred_at, data, position)
), stored AS (
  INSERT INTO signals (workspace_id, id, kind, subject_type, subject_id, subject, occurred_at, data)
  SELECT $1::bigint, id, kind, subject_type, subject_id, subject, occurred_at, data FROM input ORDER BY position
  ON CONFLICT (workspace_id, id) DO NOTHING
  RETURNING id, seq, kind, subject_type, subject_id, data
), queued AS (
  INSERT INTO deliveries (workspace_id, destination_id, signal_id, seq, subject_key)
  SELECT $1::bigint, d.id, s.id, s.seq, s.subject_type || ':' || s.subject_id
  FROM stored s
  JOIN destinations d ON d.workspace_id = $1 AND d.type IN ('webhook', 'slack')
  WHERE (d.kinds IS NULL OR s.kind = ANY(d.kinds))
    AND (d.segments IS NULL
      OR (s.kind IN ('segment_entered', 'segment_exited') AND s.data->'segment'->>'name' = ANY(d.segments))
      OR EXISTS (
        SELECT 1 FROM segment_memberships sm
        JOIN segments g ON g.workspace_id = sm.workspace_id AND g.id = sm.segment_id
        WHERE sm.workspace_id = $1 AND sm.left_at IS NULL AND g.name = ANY(d.segments)
          AND sm.account_id IN (
            SELECT s.subject_id WHERE s.subject_type = 'account'
            UNION ALL
            SELECT m.account_id FROM memberships m
            WHERE s.subject_type = 'user' AND m.workspace_id = $1 AND m.user_id = s.subject_id)))
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS stored FROM stored`;

/**
 * The outbox: signals and their deliveries rows, written in the transaction that derives them
 * (a scoring run, a roll-up), so nothing is lost between PostgreSQL and the delivery queue.
 */
export class SignalOutbox {
  constructor(private readonly db: SqlClient) {}

  /** Stores the signals (a re-derived id is a no-op) and queues their deliveries; returns how many were new. */
  async record(workspaceId: string, signals: readonly Signal[]): Promise<number> {
    let stored = 0;
    for (let start = 0; start < signals.length; start += RECORD_CHUNK) {
      const chunk = signals.slice(start, start + RECORD_CHUNK);
      const result = await this.db.query<{ stored: number }>(RECORD_SQL, [
        workspaceId,
        chunk.map((signal) => signal.id),
        chunk.map((signal) => signal.kind),
        chunk.map((signal) => signal.subject.type),
        chunk.map((signal) => signal.subject.id),
        chunk.map((signal) => JSON.stringify(signal.subject)),
        chunk.map((signal) => signal.occurred_at),
        chunk.map((signal) => JSON.stringify(signal.data)),
      ]);
      stored += result.rows[0].stored;
    }
    return stored;
  }

  /**
   * Retention (signal_retention_days): deletes the workspace's signals, deliveries and
   * delivery attempts older than that, all three by their own creation time.
   */
  async deleteExpired(workspaceId: string, now: Date): Promise<void> {
    const cutoff = `SELECT $2::timestamptz - make_interval(days => signal_retention_days) FROM workspaces WHERE workspace_id = $1`;
    // Sequential: they share the transaction's client.
    await this.db.query(`DELETE FROM signals WHERE workspace_id = $1 AND created_at < (${cutoff})`, [workspaceId, now]);
    await this.db.query(`DELETE FROM deliveries WHERE workspace_id = $1 AND created_at < (${cutoff})`, [workspaceId, now]);
    await this.db.query(`DELETE FROM delivery_attempts WHERE workspace_id = $1 AND attempted_at < (${cutoff})`, [workspaceId, now]);
  }
}
