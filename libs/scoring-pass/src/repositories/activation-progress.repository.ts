import type { ActivationStepEvent } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { sqlDayReader } from './sql-params';

/** The first day a subject's all-time count of a step reached the step's min_count. */
export interface StepDone {
  readonly subjectId: string;
  readonly step: number;
  readonly day: Date;
}

export interface StepProgressQuery {
  readonly workspaceId: string;
  /** Events counting toward each step (activationStepEvents). */
  readonly stepEvents: readonly ActivationStepEvent[];
  /** min_count of each step, by position. */
  readonly minCounts: readonly number[];
}

// The running total of a step per subject is a window sum over its counts in day order (the
// default RANGE frame takes a day's counts together); the done day is the first day it reaches
// min_count. $2/$3 (step, event) pairs, $4 min counts. `attributed` yields (subject_id, step, day, count).
const doneDaysSql = (attributed: string): string => `
WITH step_events AS (
  SELECT * FROM unnest($2::int[], $3::text[]) AS s(step, event)
), attributed AS (${attributed}
), running AS (
  SELECT subject_id, step, day, sum(count) OVER (PARTITION BY subject_id, step ORDER BY day) AS total
  FROM attributed
)
SELECT subject_id::text AS "subjectId", step, to_char(min(day), 'YYYY-MM-DD') AS day
FROM running
WHERE total >= ($4::int[])[step + 1]
GROUP BY subject_id, step`;

// Users: all of an identified user's counts, whichever account they named.
const USER_DONE_DAYS_SQL = doneDaysSql(`
  SELECT dc.user_id AS subject_id, se.step, dc.day, dc.count
  FROM daily_counts dc
  JOIN step_events se ON se.event = dc.event
  JOIN users u ON u.workspace_id = dc.workspace_id AND u.id = dc.user_id AND u.identified
  WHERE dc.workspace_id = $1 AND dc.count > 0`);

// Accounts: counts attributed as the account totals are (identified users; a count naming no
// account belongs to every account of its user).
const ACCOUNT_DONE_DAYS_SQL = doneDaysSql(`
  SELECT CASE WHEN dc.account_id = 0 THEN m.account_id ELSE dc.account_id END AS subject_id,
         se.step, dc.day, dc.count
  FROM daily_counts dc
  JOIN step_events se ON se.event = dc.event
  JOIN users u ON u.workspace_id = dc.workspace_id AND u.id = dc.user_id AND u.identified
  LEFT JOIN memberships m ON dc.account_id = 0 AND m.workspace_id = dc.workspace_id AND m.user_id = dc.user_id
  WHERE dc.workspace_id = $1 AND dc.count > 0 AND (dc.account_id <> 0 OR m.account_id IS NOT NULL)`);

/** Activation checklist progress of a whole workspace: one set-based query for users, one for accounts. */
export class ActivationProgressRepository {
  constructor(private readonly db: SqlClient) {}

  /** Done steps of every identified user (steps not done are absent). */
  userDoneDays(query: StepProgressQuery): Promise<StepDone[]> {
    return this.doneDays(USER_DONE_DAYS_SQL, query);
  }

  /** Done steps of every account, its users' counts together (steps not done are absent). */
  accountDoneDays(query: StepProgressQuery): Promise<StepDone[]> {
    return this.doneDays(ACCOUNT_DONE_DAYS_SQL, query);
  }

  private async doneDays(sql: string, query: StepProgressQuery): Promise<StepDone[]> {
    if (query.stepEvents.length === 0) return [];
    const result = await this.db.query<{ subjectId: string; step: number; day: string }>(sql, [
      query.workspaceId,
      query.stepEvents.map((entry) => entry.step),
      query.stepEvents.map((entry) => entry.event),
      query.minCounts,
    ]);
    const day = sqlDayReader();
    return result.rows.map((row) => ({ subjectId: row.subjectId, step: row.step, day: day(row.day) }));
  }
}
