import { ACCOUNT_METRICS, METRIC_FIELDS, type MetricName } from '../metrics/served-metrics';
import type { ResolvedProfile } from '../profiles/profile-resolver';

/**
 * `p`, the profile read, from parameters $2 (its id; null before the first scoring run) and
 * $3 (its name): every lookup passes them first, after the workspace.
 */
export const PROFILE_RELATION = '(SELECT $2::bigint AS id, $3::text AS name) p';

/** The values of $2 and $3. */
export function profileParams(profile: ResolvedProfile): [string | null, string] {
  return [profile.id, profile.name];
}

/**
 * Joins, as `s`, the latest score row of the profile `p` for the account `a` or the user `u`:
 * one backward scan of the primary key (workspace, profile, subject, period), LIMIT 1.
 * Absent when never scored.
 */
function latestScoreJoin(scores: 'account_scores' | 'user_scores', subjectColumn: 'account_id' | 'user_id', subject: 'a' | 'u'): string {
  return `
LEFT JOIN LATERAL (
  SELECT latest.* FROM ${scores} latest
  WHERE latest.workspace_id = ${subject}.workspace_id AND latest.profile_id = p.id AND latest.${subjectColumn} = ${subject}.id
  ORDER BY latest.period DESC LIMIT 1
) s ON true`;
}

export const LATEST_SCORE_JOIN = latestScoreJoin('account_scores', 'account_id', 'a');
export const LATEST_USER_SCORE_JOIN = latestScoreJoin('user_scores', 'user_id', 'u');

/**
 * The named metrics as one JSON object, keys in the order named: the row's `metrics` is then
 * the body's as it is (json keeps key order and prints numbers as their columns would).
 */
export function metricsObject(names: readonly MetricName[]): string {
  return `json_build_object(${names.map((name) => `'${name}', ${METRIC_FIELDS[name].sql}`).join(', ')})`;
}

/** The columns of an AccountRecord. */
export const ACCOUNT_RECORD_COLUMNS = `a.id::text AS id, a.tracking_id AS "trackingId", a.name, a.domain,
  ${metricsObject(ACCOUNT_METRICS)} AS metrics`;
