import type { SqlClient } from '@coil/database';

export interface LastAttempt {
  at: string;
  outcome: 'delivered' | 'retry' | 'failed';
  status_code: number | null;
}

/** A destination as the dashboard may see it: no `secret`, no `settings` beyond the digest. */
export interface DestinationRow {
  id: string;
  type: string;
  url: string;
  kinds: string[] | null;
  segments: string[] | null;
  digestSeconds: number | null;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
  createdAt: string;
  lastAttempt: LastAttempt | null;
  pending: number;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Every destination of a workspace with its latest attempt (a backward scan of the attempts'
 * (destination, attempted_at) index) and its pending deliveries (the partial pending index).
 * The secret column is never selected.
 */
export class DestinationListRepository {
  constructor(private readonly db: SqlClient) {}

  async list(workspaceId: string): Promise<DestinationRow[]> {
    const result = await this.db.query<DestinationRow>(
      `SELECT d.id::text AS id, d.type, d.url, d.kinds, d.segments,
              (d.settings->>'digest_seconds')::int AS "digestSeconds",
              d.enabled, d.disabled_reason AS "disabledReason",
              ${ISO('d.failing_since')} AS "failingSince", ${ISO('d.created_at')} AS "createdAt",
              (SELECT json_build_object('at', ${ISO('a.attempted_at')}, 'outcome', a.outcome, 'status_code', a.status_code)
               FROM delivery_attempts a
               WHERE a.workspace_id = d.workspace_id AND a.destination_id = d.id
               ORDER BY a.attempted_at DESC, a.id DESC LIMIT 1) AS "lastAttempt",
              (SELECT count(*)::int FROM deliveries p
               WHERE p.workspace_id = d.workspace_id AND p.destination_id = d.id AND p.status = 'pending') AS pending
       FROM destinations d
       WHERE d.workspace_id = $1::bigint
       ORDER BY d.id`,
      [workspaceId],
    );
    return result.rows;
  }
}
