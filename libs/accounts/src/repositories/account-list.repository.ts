import { Prisma, type PrismaClient } from '@coil/database';
import type { ListSort } from '../query/account-list-query';
import type { ListCursor } from '../query/list-cursor';
import type { AccountRecord } from '../reading/account-record';
import { ACCOUNT_RECORD_COLUMNS, toAccountRecord, type AccountRecordRow } from './latest-metrics.sql';

const SORT_COLUMNS: Record<ListSort, Prisma.Sql> = {
  engagement_score: Prisma.sql`COALESCE(s.engagement_score, 0)::float8`,
  raw_score: Prisma.sql`COALESCE(s.raw_score, 0)::float8`,
};

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
  constructor(private readonly prisma: PrismaClient) {}

  async page(workspaceId: string, request: ListPageRequest): Promise<AccountRecord[]> {
    const sortValue = SORT_COLUMNS[request.sort];
    const direction = request.order === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
    const rows = await this.prisma.$queryRaw<AccountRecordRow[]>`
      WITH s AS (
        SELECT DISTINCT ON (account_id) * FROM account_scores
        WHERE workspace_id = ${workspaceId}::bigint
          AND profile_id = (SELECT id FROM scoring_profiles WHERE workspace_id = ${workspaceId}::bigint AND is_default ORDER BY id LIMIT 1)
        ORDER BY account_id, period DESC)
      SELECT ${ACCOUNT_RECORD_COLUMNS} FROM accounts a LEFT JOIN s ON s.account_id = a.id
      WHERE a.workspace_id = ${workspaceId}::bigint AND ${afterCursor(sortValue, request)}
      ORDER BY ${sortValue} ${direction}, a.id ${direction}
      LIMIT ${request.limit}`;
    return rows.map(toAccountRecord);
  }
}

function afterCursor(sortValue: Prisma.Sql, request: ListPageRequest): Prisma.Sql {
  if (request.after === null) return Prisma.sql`true`;
  const position = Prisma.sql`(${request.after.value}::float8, ${request.after.id}::bigint)`;
  return request.order === 'asc' ? Prisma.sql`(${sortValue}, a.id) > ${position}` : Prisma.sql`(${sortValue}, a.id) < ${position}`;
}
