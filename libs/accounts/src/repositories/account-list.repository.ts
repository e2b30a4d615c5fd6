import type { SqlClient } from '@coil/database';
import { METRIC_FIELDS } from '../metrics/served-metrics';
import type { ListSort } from '../query/account-list-query';
import type { ListCursor } from '../query/list-cursor';
import type { AccountRecord } from '../blocks/account-block';
import type { ResolvedProfile } from '../profiles/profile-resolver';
import { ACCOUNT_RECORD_COLUMNS, PROFILE_RELATION, profileParams } from './latest-metrics.sql';

const DIRECTIONS = { asc: { keyword: 'ASC', after: '>' }, desc: { keyword: 'DESC', after: '<' } } as const;

export interface ListPageRequest {
  sort: ListSort;
  order: 'asc' | 'desc';
  limit: number;
  after: ListCursor | null;
}

/**
 * Keyset pages over every account of a workspace by (sort value, id): a stable order that
 * needs no offset, so accounts moving between pages are neither skipped nor repeated more
 * than their score change warrants. Never-scored accounts sort with a value of 0.
 */
export class AccountListRepository {
  constructor(private readonly db: SqlClient) {}

  async page(workspaceId: string, profile: ResolvedProfile, request: ListPageRequest): Promise<AccountRecord[]> {
    const sortValue = METRIC_FIELDS[request.sort].sql;
    const direction = DIRECTIONS[request.order];
    const after = request.after && `(${sortValue}, a.id) ${direction.after} ($5::float8, $6::bigint)`;
    const params = [workspaceId, ...profileParams(profile), request.limit];
    const result = await this.db.query<AccountRecord>(
      `WITH s AS (
         SELECT DISTINCT ON (account_id) * FROM account_scores
         WHERE workspace_id = $1::bigint AND profile_id = $2::bigint
         ORDER BY account_id, period DESC)
       SELECT ${ACCOUNT_RECORD_COLUMNS} FROM accounts a CROSS JOIN ${PROFILE_RELATION} LEFT JOIN s ON s.account_id = a.id
       WHERE a.workspace_id = $1::bigint AND ${after ?? 'true'}
       ORDER BY ${sortValue} ${direction.keyword}, a.id ${direction.keyword}
       LIMIT $4`,
      request.after ? [...params, request.after.value, request.after.id] : params,
    );
    return result.rows;
  }
}
