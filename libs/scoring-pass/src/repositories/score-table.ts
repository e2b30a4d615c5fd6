import type { ChangeBaseline, EngagementFields } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { toSqlDay, type activationWriter, type sqlDayWriter } from './sql-params';

/** One of the two per-day score tables (the daily history) and the subjects it scores. */
export interface ScoreTable {
  readonly scores: 'account_scores' | 'user_scores';
  readonly subjectColumn: 'account_id' | 'user_id';
  /** The scored subjects as `x` of one workspace ($1). */
  readonly subjects: string;
}

export const ACCOUNT_SCORES: ScoreTable = {
  scores: 'account_scores',
  subjectColumn: 'account_id',
  subjects: 'accounts x WHERE x.workspace_id = $1',
};

/** Anonymous-only users do not score. */
export const USER_SCORES: ScoreTable = {
  scores: 'user_scores',
  subjectColumn: 'user_id',
  subjects: 'users x WHERE x.workspace_id = $1 AND x.identified',
};

/**
 * engagement_score one time frame ago, keyed by subject id: per subject the latest stored row
 * within the baseline (changeBaseline), in one statement over the workspace. One backward probe
 * of the primary key per subject, so its cost does not grow with the 400 days of history kept.
 */
export async function scoresOneFrameAgo(
  db: SqlClient,
  table: ScoreTable,
  workspaceId: string,
  profileId: string,
  baseline: ChangeBaseline,
): Promise<Map<string, number>> {
  const result = await db.query<{ id: string; score: number }>(
    `SELECT x.id::text AS id, s.engagement_score AS score
     FROM (SELECT x.* FROM ${table.subjects}) x
     CROSS JOIN LATERAL (
       SELECT engagement_score FROM ${table.scores} s
       WHERE s.workspace_id = x.workspace_id AND s.profile_id = $2 AND s.${table.subjectColumn} = x.id
         AND s.period > $3::date AND s.period <= $4::date
       ORDER BY s.period DESC LIMIT 1
     ) s`,
    [workspaceId, profileId, toSqlDay(baseline.after), toSqlDay(baseline.through)],
  );
  return new Map(result.rows.map((row) => [row.id, row.score]));
}

/** What a subject's latest stored row said before a run: the change (its trend) and its activation. */
export interface StoredState {
  readonly change: number | null;
  /** null: the row has no activation (no checklist then); else its activated_at. */
  readonly activation: { readonly activatedAt: string | null } | null;
}

/**
 * Every subject's latest stored row of a profile (StoredState), keyed by subject id, in one
 * statement over the workspace: one backward probe of the primary key per subject, as above.
 */
export async function latestStoredStates(
  db: SqlClient,
  table: ScoreTable,
  workspaceId: string,
  profileId: string,
): Promise<Map<string, StoredState>> {
  const result = await db.query<{ id: string; change: number | null; activated: boolean; activated_at: string | null }>(
    `SELECT x.id::text AS id, s.engagement_score_change AS change, s.activation IS NOT NULL AS activated,
            s.activation->>'activated_at' AS activated_at
     FROM (SELECT x.* FROM ${table.subjects}) x
     CROSS JOIN LATERAL (
       SELECT engagement_score_change, activation FROM ${table.scores} s
       WHERE s.workspace_id = x.workspace_id AND s.profile_id = $2 AND s.${table.subjectColumn} = x.id
       ORDER BY s.period DESC LIMIT 1
     ) s`,
    [workspaceId, profileId],
  );
  return new Map(
    result.rows.map((row) => [row.id, { change: row.change, activation: row.activated ? { activatedAt: row.activated_at } : null }]),
  );
}

/** Drops rows of the period for subjects no longer scored (e.g. the profile's filter changed). */
export async function deleteOtherScores(
  db: SqlClient,
  table: ScoreTable,
  workspaceId: string,
  profileId: string,
  period: Date,
  keptIds: readonly string[],
): Promise<void> {
  await db.query(
    `DELETE FROM ${table.scores} WHERE workspace_id = $1 AND profile_id = $2 AND period = $3::date
     AND NOT (${table.subjectColumn} = ANY($4::bigint[]))`,
    [workspaceId, profileId, toSqlDay(period), keptIds],
  );
}

/** The engagement model's columns, last in both upserts: frequency .. activation, as unnest arrays. */
export function engagementColumns(
  rows: readonly EngagementFields[],
  day: ReturnType<typeof sqlDayWriter>,
  activation: ReturnType<typeof activationWriter>,
): unknown[] {
  return [
    rows.map((row) => row.frequency),
    rows.map((row) => row.adoptionRate),
    rows.map((row) => row.lifetimeAdoptionRate),
    rows.map((row) => day(row.lastActive)),
    rows.map((row) => activation(row.activation)),
  ];
}

/** The ON CONFLICT updates of those columns. */
export const ENGAGEMENT_UPDATES = `frequency = EXCLUDED.frequency, adoption_rate = EXCLUDED.adoption_rate,
  lifetime_adoption_rate = EXCLUDED.lifetime_adoption_rate, last_active = EXCLUDED.last_active,
  activation = EXCLUDED.activation`;
