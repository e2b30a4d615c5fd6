import type { SqlClient } from '@coil/database';
import type { Listing, ListPosition } from '../query/list-cursor';
import { LIST_SORT_COLUMNS, type SortColumn } from '../query/list-sorts';
import type { AccountRecord } from '../blocks/account-block';
import type { ResolvedProfile } from '../profiles/profile-resolver';
import { ACCOUNT_RECORD_COLUMNS, PROFILE_RELATION, profileParams } from './latest-metrics.sql';

const DIRECTIONS = { asc: { keyword: 'ASC', after: '>' }, desc: { keyword: 'DESC', after: '<' } } as const;

export interface ListPageRequest extends Listing {
  limit: number;
  after: ListPosition | null;
}

/** An account of a page, with the value it was sorted by: the next cursor's. */
export interface ListedAccount extends AccountRecord {
  sortValue: number | string | null;
}

/**
 * `s`, the latest score row of every account of the workspace for the profile $2, as one
 * relation to hash-join: the rows of the profile's latest day (one index range; a scoring run
 * writes every account it scores that day), plus, for the accounts without one, their own
 * latest row. Probing the primary key per account (LATEST_SCORE_JOIN) costs ~15 µs an account,
 * 150 ms for 10,000: too slow to sort a whole workspace on every page.
 */
const LATEST_SCORES = `
  latest_day AS (
    SELECT max(period) AS day FROM account_scores WHERE workspace_id = $1::bigint AND profile_id = $2::bigint),
  s AS (
    SELECT * FROM account_scores
    WHERE workspace_id = $1::bigint AND profile_id = $2::bigint AND period = (SELECT day FROM latest_day)
    UNION ALL
    SELECT older.* FROM accounts x CROSS JOIN LATERAL (
      SELECT * FROM account_scores o
      WHERE o.workspace_id = x.workspace_id AND o.profile_id = $2::bigint AND o.account_id = x.id
      ORDER BY o.period DESC LIMIT 1) older
    WHERE x.workspace_id = $1::bigint AND $2::bigint IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM account_scores c
      WHERE c.workspace_id = $1::bigint AND c.profile_id = $2::bigint AND c.account_id = x.id AND c.period = (SELECT day FROM latest_day)))`;

/** `%`, `_` and `\` match themselves in a LIKE pattern whose escape is `\` (the default). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Rows after `position` in (value NULLS LAST, id) order: a null value is only followed by nulls. */
function afterPosition(
  column: SortColumn,
  after: '<' | '>',
  position: ListPosition,
  bind: (value: unknown, type: string) => string,
): string {
  const id = bind(position.id, 'bigint');
  if (position.value === null) return `(${column.sql} IS NULL AND a.id ${after} ${id})`;
  const value = bind(position.value, column.type);
  return `(${column.sql} ${after} ${value} OR (${column.sql} = ${value} AND a.id ${after} ${id}) OR ${column.sql} IS NULL)`;
}

/**
 * Keyset pages over the accounts of a workspace by (sort value, id), nulls last in both
 * orders: a stable order that needs no offset, so accounts moving between pages are neither
 * skipped nor repeated more than their change warrants. Filters: current members of a
 * segment, a text in the name or domain.
 */
export class AccountListRepository {
  constructor(private readonly db: SqlClient) {}

  async page(workspaceId: string, profile: ResolvedProfile, request: ListPageRequest): Promise<ListedAccount[]> {
    const column = LIST_SORT_COLUMNS[request.sort];
    const direction = DIRECTIONS[request.order];
    const params: unknown[] = [workspaceId, ...profileParams(profile), request.limit];
    const bind = (value: unknown, type: string): string => `$${params.push(value)}::${type}`;
    const conditions = ['a.workspace_id = $1::bigint'];
    if (request.segment !== null) {
      conditions.push(`EXISTS (SELECT 1 FROM segment_memberships m WHERE m.workspace_id = a.workspace_id
        AND m.segment_id = ${bind(request.segment, 'bigint')} AND m.account_id = a.id AND m.left_at IS NULL)`);
    }
    if (request.q !== null) {
      const pattern = bind(containsPattern(request.q), 'text');
      conditions.push(`(a.name ILIKE ${pattern} OR a.domain ILIKE ${pattern})`);
    }
    if (request.after) conditions.push(afterPosition(column, direction.after, request.after, bind));
    const result = await this.db.query<ListedAccount>(
      `WITH ${LATEST_SCORES}
       SELECT ${ACCOUNT_RECORD_COLUMNS}, ${column.sql} AS "sortValue"
       FROM accounts a CROSS JOIN ${PROFILE_RELATION} LEFT JOIN s ON s.account_id = a.id
       WHERE ${conditions.join(' AND ')}
       ORDER BY ${column.sql} ${direction.keyword} NULLS LAST, a.id ${direction.keyword}
       LIMIT $4`,
      params,
    );
    return result.rows;
  }

  async hasSegment(workspaceId: string, segmentId: string): Promise<boolean> {
    const result = await this.db.query('SELECT 1 FROM segments WHERE workspace_id = $1::bigint AND id = $2::bigint', [
      workspaceId,
      segmentId,
    ]);
    return result.rows.length > 0;
  }
}
