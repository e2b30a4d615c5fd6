import { METRIC_FIELDS, type MetricName } from '../metrics/served-metrics';

/** How a sort value is bound in SQL: the cast of a cursor's value, and its JSON type. */
export type SortValueType = 'float8' | 'int' | 'text';

export interface SortColumn {
  /** The value over `a` (the account) and `s` (its latest score row), as ORDER BY compares it. */
  sql: string;
  type: SortValueType;
}

const METRIC_VALUE_TYPES = { number: 'float8', integer: 'int', string: 'text' } as const;

/** The metrics with a number, integer or text value: the ones a page can be ordered by. */
type ScalarMetricName = {
  [N in MetricName]: (typeof METRIC_FIELDS)[N]['schema']['type'] extends keyof typeof METRIC_VALUE_TYPES ? N : never;
}[MetricName];

/** A metric sorts by its served value, so a page is ordered by what it shows. */
function metricSort(name: ScalarMetricName): SortColumn {
  const field = METRIC_FIELDS[name];
  return { sql: field.sql, type: METRIC_VALUE_TYPES[field.schema.type] };
}

/**
 * Every column /v1/accounts/list and the CSV export sort by: the one place its SQL is chosen.
 * Text sorts ignore case; nulls come last in both orders (see AccountListRepository).
 */
export const LIST_SORT_COLUMNS = {
  engagement_score: metricSort('engagement_score'),
  engagement_score_change: metricSort('engagement_score_change'),
  raw_score: metricSort('raw_score'),
  name: { sql: 'lower(a.name)', type: 'text' },
  domain: { sql: 'lower(a.domain)', type: 'text' },
  active_users: metricSort('active_users'),
  total_people_count: metricSort('total_people_count'),
  // 'YYYY-MM-DD' text: its text order is its day order.
  last_seen: metricSort('last_seen'),
} as const satisfies Record<string, SortColumn>;

export type ListSort = keyof typeof LIST_SORT_COLUMNS;

export const LIST_SORTS = Object.keys(LIST_SORT_COLUMNS) as ListSort[];

/** The JSON value a cursor of this sort may hold for its last row. */
export function isSortValue(sort: ListSort, value: unknown): value is number | string | null {
  if (value === null) return true;
  return LIST_SORT_COLUMNS[sort].type === 'text' ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
}
