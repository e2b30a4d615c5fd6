import type { DailyCountRow } from '../planning';
import type { SqlClient } from '@coil/database';

export class DailyCountRepository {
  constructor(private readonly db: SqlClient) {}

  /** Adds pre-aggregated, sorted rows in one statement (one row per key, as ON CONFLICT requires). */
  async addCounts(workspaceId: string, rows: DailyCountRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO daily_counts (workspace_id, user_id, account_id, event, day, count)
       SELECT $1, u, a, e, d, c FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::date[], $6::int[])
         AS t(u, a, e, d, c)
       ON CONFLICT (workspace_id, user_id, account_id, event, day)
       DO UPDATE SET count = daily_counts.count + EXCLUDED.count`,
      [
        workspaceId,
        rows.map((row) => row.userId),
        rows.map((row) => row.accountId),
        rows.map((row) => row.event),
        rows.map((row) => row.day),
        rows.map((row) => row.count),
      ],
    );
  }
}
