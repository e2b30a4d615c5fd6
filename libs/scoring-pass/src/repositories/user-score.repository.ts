import type { UserScoreRow } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { chunks, toSqlDay } from './sql-params';

const UPSERT_SQL = `
INSERT INTO user_scores (
  workspace_id, profile_id, user_id, period, raw_score, engagement_score, benchmark,
  scoring_profile_events, first_seen, last_seen, computed_at)
SELECT $1::bigint, $2::bigint, r.*, now() FROM unnest(
  $3::bigint[], $4::date[], $5::float8[], $6::float8[], $7::float8[], $8::bigint[], $9::date[], $10::date[]) AS r
ON CONFLICT (workspace_id, profile_id, user_id, period) DO UPDATE SET
  raw_score = EXCLUDED.raw_score, engagement_score = EXCLUDED.engagement_score, benchmark = EXCLUDED.benchmark,
  scoring_profile_events = EXCLUDED.scoring_profile_events, first_seen = EXCLUDED.first_seen,
  last_seen = EXCLUDED.last_seen, computed_at = EXCLUDED.computed_at`;

function day(value: Date | null): string | null {
  return value === null ? null : toSqlDay(value);
}

/** user_scores: users scored among users, one row per (workspace, profile, user, period). */
export class UserScoreRepository {
  constructor(private readonly db: SqlClient) {}

  async upsert(workspaceId: string, profileId: string, rows: readonly UserScoreRow[]): Promise<void> {
    for (const chunk of chunks(rows)) {
      await this.db.query(UPSERT_SQL, [
        workspaceId,
        profileId,
        chunk.map((row) => String(row.userId)),
        chunk.map((row) => toSqlDay(row.period)),
        chunk.map((row) => row.rawScore),
        chunk.map((row) => row.engagementScore),
        chunk.map((row) => row.benchmark),
        chunk.map((row) => row.scoringProfileEvents),
        chunk.map((row) => day(row.firstSeen)),
        chunk.map((row) => day(row.lastSeen)),
      ]);
    }
  }

  async deleteOthers(workspaceId: string, profileId: string, period: Date, keptUserIds: readonly string[]): Promise<void> {
    await this.db.query(
      `DELETE FROM user_scores WHERE workspace_id = $1 AND profile_id = $2 AND period = $3::date
       AND NOT (user_id = ANY($4::bigint[]))`,
      [workspaceId, profileId, toSqlDay(period), keptUserIds],
    );
  }
}
