import type { SqlClient } from '@coil/database';

export interface AttemptRecord {
  readonly attempt: number;
  readonly attempted_at: Date;
  readonly outcome: 'delivered' | 'retry' | 'failed';
  readonly status_code: number | null;
  readonly latency_ms: number;
  readonly response: string | null;
  readonly error: string | null;
}

/** A delivery as `deliveries list` shows it, with every attempt at it. */
export interface DeliveryRecord {
  readonly destination_id: string;
  readonly signal_id: string;
  readonly kind: string;
  readonly subject_key: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly next_attempt_at: Date;
  readonly last_error: string | null;
  readonly created_at: Date;
  readonly delivered_at: Date | null;
  readonly attempt_log: AttemptRecord[];
}

/** Deliveries as operators read and retry them (`deliveries list|retry`). */
export class DeliveryLogRepository {
  constructor(private readonly db: SqlClient) {}

  /** Newest first; `destinationId` null: every destination of the workspace. */
  async list(workspaceId: string, destinationId: string | null, failedOnly: boolean, limit: number): Promise<DeliveryRecord[]> {
    const result = await this.db.query<DeliveryRecord>(
      `SELECT d.destination_id::text AS destination_id, d.signal_id, s.kind, d.subject_key, d.status, d.attempts, d.next_attempt_at,
              d.last_error, d.created_at, d.delivered_at,
              coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'attempted_at', a.attempted_at, 'outcome', a.outcome,
                                                          'status_code', a.status_code, 'latency_ms', a.latency_ms,
                                                          'response', a.response, 'error', a.error) ORDER BY a.id)
                        FROM delivery_attempts a
                        WHERE a.workspace_id = d.workspace_id AND a.destination_id = d.destination_id AND a.item = d.signal_id), '[]') AS attempt_log
       FROM deliveries d
       JOIN signals s ON s.workspace_id = d.workspace_id AND s.id = d.signal_id
       WHERE d.workspace_id = $1 AND ($2::bigint IS NULL OR d.destination_id = $2) AND (NOT $3 OR d.status = 'failed')
       ORDER BY d.seq DESC
       LIMIT $4`,
      [workspaceId, destinationId, failedOnly, limit],
    );
    return result.rows;
  }

  /** Failed deliveries of the destination back to pending, due now, with a fresh schedule; how many. */
  async retryFailed(workspaceId: string, destinationId: string): Promise<number> {
    const result = await this.db.query(
      `UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
       WHERE workspace_id = $1 AND destination_id = $2 AND status = 'failed'`,
      [workspaceId, destinationId],
    );
    return result.rowCount ?? 0;
  }
}
