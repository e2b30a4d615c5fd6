import type { SqlClient } from '@coil/database';
import type { MemberTally, Traits } from '@coil/scoring';
import type { ProfileSelector } from '../profiles/profile-resolver';
import type { Lookup } from '../query/query-validator';
import { accountCondition, MAX_MATCH_CANDIDATES } from '../repositories/account-lookup.repository';
import { userCondition } from '../repositories/user-lookup.repository';

export type ExplainedSubjectType = 'account' | 'user';

/** Everything an explanation is computed from, for one subject the lookup names. */
export interface ExplanationRow {
  id: string;
  traits: Traits;
  /** The profile read; null when the workspace has none by that name (or none at all yet). */
  profile: { name: string; windowDays: number; filter: string | null; normalization: string } | null;
  /** The frame's last UTC day: the profile's latest scored period, else the subject's, else today. */
  period: string;
  /** The subject's stored score of that period; null when it was not scored then. */
  score: number | null;
  p90: number;
  inBenchmark: number;
  /** The subject's latest stored score one time frame earlier (changeBaseline of `period`). */
  baselinePeriod: string | null;
  baselineScore: number | null;
  /** An account's identified users, a user's accounts, with their traits (the profile filter reads them). */
  members: { id: string; traits: Traits }[];
  /** Per member (null for a user's own) and scored event: counts in the frame and in the baseline's frame. */
  tallies: MemberTally[];
  traitTypes: Record<string, string>;
}

interface SubjectSql {
  table: string;
  /** The alias the lookup conditions read: `a` for accounts, `u` for users. */
  alias: string;
  scores: string;
  column: string;
  /** workspace_scores' count of active subjects: those in the benchmark. */
  active: string;
  members: string;
  /** Daily counts of the subject, with `member`; `lo` and `hi` bound the days. */
  counts: string;
  condition: (lookup: Lookup, first: number) => [string, ...string[]];
}

// An account's counts are its identified members' events attributed to it or to no account
// (account_id 0 goes to every account of the user), as the scoring run counts them.
const SUBJECTS: Record<ExplainedSubjectType, SubjectSql> = {
  account: {
    table: 'accounts',
    alias: 'a',
    scores: 'account_scores',
    column: 'account_id',
    active: 'active_accounts',
    members: `SELECT u.id, u.traits FROM memberships m
              JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id AND u.identified
              WHERE m.workspace_id = a.workspace_id AND m.account_id = a.id`,
    counts: `SELECT dc.user_id::text AS member, dc.event, dc.day, dc.count FROM memberships m
             JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id AND u.identified
             JOIN daily_counts dc ON dc.workspace_id = m.workspace_id AND dc.user_id = m.user_id
               AND dc.account_id IN (a.id, 0) AND dc.day > lo AND dc.day <= hi
             WHERE m.workspace_id = a.workspace_id AND m.account_id = a.id`,
    condition: accountCondition,
  },
  user: {
    table: 'users',
    alias: 'u',
    scores: 'user_scores',
    column: 'user_id',
    active: 'active_users',
    members: `SELECT acc.id, acc.traits FROM memberships m JOIN accounts acc ON acc.workspace_id = m.workspace_id AND acc.id = m.account_id
              WHERE m.workspace_id = u.workspace_id AND m.user_id = u.id`,
    counts: `SELECT NULL::text AS member, dc.event, dc.day, dc.count FROM daily_counts dc
             WHERE dc.workspace_id = u.workspace_id AND dc.user_id = u.id AND dc.day > lo AND dc.day <= hi`,
    condition: userCondition,
  },
};

/**
 * One statement: the profile ($2: a name, null for the default), its resolved weights (direct
 * over feature, every event 1 when nothing is configured), the subject's stored scores now and
 * one time frame earlier, the frame's benchmark and the counts of both frames per member and
 * event. Every read is an index probe or a primary-key range of the one subject.
 */
function explanationSql(subject: SubjectSql, condition: string): string {
  const s = subject.alias;
  return `
WITH p AS (
  SELECT id, name, window_days, filter, normalization FROM scoring_profiles
  WHERE workspace_id = $1::bigint AND CASE WHEN $2::text IS NULL THEN is_default ELSE name = $2::text END
), weights AS (
  SELECT COALESCE(d.event, f.event) AS event, COALESCE(d.weight, f.weight) AS weight, f.feature
  FROM (SELECT fe.event, ft.weight, ft.name AS feature FROM feature_events fe
        JOIN features ft ON ft.workspace_id = fe.workspace_id AND ft.id = fe.feature_id
        WHERE fe.workspace_id = $1::bigint) f
  FULL JOIN (SELECT ew.event, ew.weight FROM event_weights ew JOIN p ON ew.profile_id = p.id
             WHERE ew.workspace_id = $1::bigint) d ON d.event = f.event
), unlisted AS (
  SELECT CASE WHEN EXISTS (SELECT 1 FROM weights) THEN 0 ELSE 1 END AS weight
)
SELECT ${s}.id::text AS id, ${s}.traits,
       CASE WHEN p.id IS NOT NULL THEN json_build_object('name', p.name, 'windowDays', p.window_days,
         'filter', p.filter, 'normalization', p.normalization) END AS profile,
       to_char(x.period, 'YYYY-MM-DD') AS period,
       cur.engagement_score::float8 AS score,
       COALESCE(cur.benchmark, other.benchmark, 0)::float8 AS p90,
       COALESCE(ws.${subject.active}, 0)::int AS "inBenchmark",
       to_char(base.period, 'YYYY-MM-DD') AS "baselinePeriod",
       base.engagement_score::float8 AS "baselineScore",
       (SELECT COALESCE(json_agg(json_build_object('id', mb.id::text, 'traits', mb.traits) ORDER BY mb.id), '[]')
        FROM (${subject.members}) mb) AS members,
       (SELECT COALESCE(json_agg(t ORDER BY t.member, t.event), '[]') FROM (
          SELECT c.member, c.event, wt.feature, COALESCE(wt.weight, un.weight) AS weight,
                 COALESCE(sum(c.count) FILTER (WHERE c.day > x.period - x.days), 0)::float8 AS count,
                 COALESCE(sum(c.count) FILTER (WHERE c.day <= base.period AND c.day > base.period - x.days), 0)::float8 AS "baselineCount"
          FROM (${subject.counts}) c
          CROSS JOIN unlisted un
          LEFT JOIN weights wt ON wt.event = c.event
          WHERE COALESCE(wt.weight, un.weight) > 0
          GROUP BY c.member, c.event, wt.feature, wt.weight, un.weight) t) AS tallies,
       (SELECT COALESCE(json_object_agg(tt.key, tt.type), '{}') FROM trait_types tt WHERE tt.workspace_id = $1::bigint) AS "traitTypes"
FROM ${subject.table} ${s}
LEFT JOIN p ON true
CROSS JOIN LATERAL (
  SELECT COALESCE(
    (SELECT w.period FROM workspace_scores w WHERE w.workspace_id = ${s}.workspace_id AND w.profile_id = p.id ORDER BY w.period DESC LIMIT 1),
    (SELECT r.period FROM ${subject.scores} r
     WHERE r.workspace_id = ${s}.workspace_id AND r.profile_id = p.id AND r.${subject.column} = ${s}.id ORDER BY r.period DESC LIMIT 1),
    $3::date) AS period,
    COALESCE(p.window_days, $4::int) AS days
  OFFSET 0 -- read once: pulled up, each use of x.period would repeat the probes
) x
LEFT JOIN ${subject.scores} cur
  ON cur.workspace_id = ${s}.workspace_id AND cur.profile_id = p.id AND cur.${subject.column} = ${s}.id AND cur.period = x.period
LEFT JOIN LATERAL (
  SELECT r.benchmark FROM ${subject.scores} r WHERE r.workspace_id = ${s}.workspace_id AND r.period = x.period AND r.profile_id = p.id LIMIT 1
) other ON true
LEFT JOIN LATERAL (
  SELECT r.period, r.engagement_score FROM ${subject.scores} r
  WHERE r.workspace_id = ${s}.workspace_id AND r.profile_id = p.id AND r.${subject.column} = ${s}.id
    AND r.period > x.period - 2 * x.days AND r.period <= x.period - x.days
  ORDER BY r.period DESC LIMIT 1
) base ON true
LEFT JOIN workspace_scores ws ON ws.workspace_id = ${s}.workspace_id AND ws.profile_id = p.id AND ws.period = x.period
CROSS JOIN LATERAL (SELECT COALESCE(base.period, x.period) - x.days AS lo, x.period AS hi) bounds
WHERE ${s}.workspace_id = $1::bigint AND ${condition}
ORDER BY ${s}.id LIMIT ${MAX_MATCH_CANDIDATES + 1}`;
}

/** The explanation's read: one statement per request. */
export class ScoreExplanationRepository {
  constructor(private readonly db: SqlClient) {}

  /** Subjects the lookup names (up to MAX_MATCH_CANDIDATES + 1), each with its explanation's data. */
  async find(
    type: ExplainedSubjectType,
    workspaceId: string,
    profile: ProfileSelector,
    today: string,
    fallbackWindowDays: number,
    lookup: Lookup,
  ): Promise<ExplanationRow[]> {
    const subject = SUBJECTS[type];
    const [condition, ...values] = subject.condition(lookup, 5);
    const result = await this.db.query<ExplanationRow>(explanationSql(subject, condition), [
      workspaceId,
      profile,
      today,
      fallbackWindowDays,
      ...values,
    ]);
    return result.rows;
  }
}
