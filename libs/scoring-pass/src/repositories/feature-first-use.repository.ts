import type { SqlClient } from '@coil/database';
import type { FirstUse } from '@coil/signals';
import { toSqlDay } from './sql-params';

// The uses of features, attributed as the scores are (identified users; a count naming no
// account belongs to every account of its user): `used` yields (feature_id, user_id, account_id,
// event, day) for the features `scanned` selects; `by_subject` gives them to users and accounts.
const usesOf = (scanned: string, days: string): string => `
feature_event_names AS (
  SELECT f.id AS feature_id, f.name AS feature_name, fe.event
  FROM features f JOIN feature_events fe ON fe.workspace_id = f.workspace_id AND fe.feature_id = f.id
  WHERE f.workspace_id = $1 AND ${scanned}
), used AS (
  SELECT fe.feature_id, dc.user_id, dc.account_id, dc.event, dc.day
  FROM daily_counts dc
  JOIN feature_event_names fe ON fe.event = dc.event
  JOIN users u ON u.workspace_id = dc.workspace_id AND u.id = dc.user_id AND u.identified
  WHERE dc.workspace_id = $1 AND dc.count > 0 AND ${days}
), by_subject AS (
  SELECT feature_id, 'user' AS subject_type, user_id AS subject_id, event, day FROM used
  UNION ALL
  SELECT u.feature_id, 'account', CASE WHEN u.account_id = 0 THEN m.account_id ELSE u.account_id END, u.event, u.day
  FROM used u
  LEFT JOIN memberships m ON u.account_id = 0 AND m.workspace_id = $1 AND m.user_id = u.user_id
  WHERE u.account_id <> 0 OR m.account_id IS NOT NULL
)`;

// Features scanned before, from $2 on (the (workspace_id, day) index): subjects with a first use
// recorded are dropped before the sort (on a busy day nearly all are); each subject's first day
// and that day's first event by name are inserted; the rows inserted are the new first uses.
const RECORD_RECENT_SQL = `
WITH ${usesOf('f.first_uses_at IS NOT NULL', 'dc.day >= $2::date')}, firsts AS (
  SELECT DISTINCT ON (feature_id, subject_type, subject_id) feature_id, subject_type, subject_id, event, day
  FROM by_subject b
  WHERE NOT EXISTS (
    SELECT 1 FROM feature_first_uses x
    WHERE x.workspace_id = $1 AND x.feature_id = b.feature_id AND x.subject_type = b.subject_type AND x.subject_id = b.subject_id)
  ORDER BY feature_id, subject_type, subject_id, day, event
), inserted AS (
  INSERT INTO feature_first_uses (workspace_id, feature_id, subject_type, subject_id, first_day)
  SELECT $1::bigint, feature_id, subject_type, subject_id, day FROM firsts
  ON CONFLICT DO NOTHING
  RETURNING feature_id, subject_type, subject_id
)
SELECT i.feature_id::text AS "featureId", fe.feature_name AS "featureName", i.subject_type AS "subjectType",
       i.subject_id::text AS "subjectId", f.event, to_char(f.day, 'YYYY-MM-DD') AS "firstDay"
FROM inserted i
JOIN firsts f USING (feature_id, subject_type, subject_id)
JOIN (SELECT DISTINCT feature_id, feature_name FROM feature_event_names) fe USING (feature_id)
ORDER BY i.feature_id, i.subject_type, i.subject_id`;

// Features never scanned, over all days: only the first day matters (a hash aggregate, no sort
// of every use), nothing is returned.
const RECORD_ALL_SQL = `
WITH ${usesOf('f.first_uses_at IS NULL', 'true')}
INSERT INTO feature_first_uses (workspace_id, feature_id, subject_type, subject_id, first_day)
SELECT $1::bigint, feature_id, subject_type, subject_id, min(day) FROM by_subject GROUP BY feature_id, subject_type, subject_id
ON CONFLICT DO NOTHING`;

/** feature_first_uses: the first day each account and user used each feature. */
export class FeatureFirstUseRepository {
  constructor(private readonly db: SqlClient) {}

  /** Records the first uses of features scanned before, found from `since` on, and returns them. */
  async recordRecent(workspaceId: string, since: Date): Promise<FirstUse[]> {
    const result = await this.db.query<{
      featureId: string;
      featureName: string;
      subjectType: 'account' | 'user';
      subjectId: string;
      event: string;
      firstDay: string;
    }>(RECORD_RECENT_SQL, [workspaceId, toSqlDay(since)]);
    return result.rows.map((row) => ({
      subject: { type: row.subjectType, id: row.subjectId },
      feature: { id: row.featureId, name: row.featureName },
      event: row.event,
      firstDay: row.firstDay,
    }));
  }

  /** The silent baseline of features never scanned (new ones): every first use over all days, then they count as scanned. */
  async recordNewFeatures(workspaceId: string, at: Date): Promise<void> {
    await this.db.query(RECORD_ALL_SQL, [workspaceId]);
    await this.db.query('UPDATE features SET first_uses_at = $2 WHERE workspace_id = $1 AND first_uses_at IS NULL', [workspaceId, at]);
  }
}
