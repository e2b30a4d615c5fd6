import { ACCOUNT_METRICS, METRIC_FIELDS, type MetricName } from '../metrics/served-metrics';

/**
 * The latest account_scores row of the workspace's default profile for account `a`: one
 * backward scan of the primary key (workspace, profile, account, period), LIMIT 1.
 */
export const LATEST_SCORE_JOIN = `
LEFT JOIN LATERAL (
  SELECT s.* FROM account_scores s
  WHERE s.workspace_id = a.workspace_id AND s.account_id = a.id
    AND s.profile_id = (SELECT p.id FROM scoring_profiles p
                        WHERE p.workspace_id = a.workspace_id AND p.is_default ORDER BY p.id LIMIT 1)
  ORDER BY s.period DESC LIMIT 1
) s ON true`;

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
