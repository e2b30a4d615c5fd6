import type { SqlClient } from '@coil/database';
import type { Signal, SignalKind } from '@coil/signals';
import type { SignalCursor } from './signal-cursor';

export interface SignalPageRequest {
  since: Date | null;
  kinds: readonly SignalKind[] | null;
  accountId: string | null;
  after: SignalCursor | null;
  limit: number;
}

/**
 * The stored signals of a workspace, newest first by (occurred_at, id): a keyset page over
 * the feed's index. Each filter is a parameter that is null when not asked for; node-postgres
 * sends unnamed statements, planned with their values, so an absent filter costs nothing.
 */
export class SignalFeedRepository {
  constructor(private readonly db: SqlClient) {}

  async page(workspaceId: string, request: SignalPageRequest): Promise<Signal[]> {
    const result = await this.db.query<Signal>(
      `SELECT id, workspace_id::text AS workspace_id, kind, subject,
              to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, data
       FROM signals
       WHERE workspace_id = $1::bigint
         AND ($2::timestamptz IS NULL OR occurred_at >= $2::timestamptz)
         AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
         AND ($4::bigint IS NULL OR (subject_type = 'account' AND subject_id = $4::bigint))
         AND ($5::timestamptz IS NULL OR (occurred_at, id) < ($5::timestamptz, $6::text))
       ORDER BY signals.occurred_at DESC, signals.id DESC
       LIMIT $7`,
      [
        workspaceId,
        request.since,
        request.kinds,
        request.accountId,
        request.after?.occurred_at ?? null,
        request.after?.id ?? null,
        request.limit,
      ],
    );
    return result.rows;
  }
}
