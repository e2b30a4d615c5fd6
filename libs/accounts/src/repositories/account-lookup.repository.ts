import { Prisma, type PrismaClient } from '@coil/database';
import type { Lookup } from '../query/lookup';
import type { AccountRecord } from '../reading/account-record';
import { ACCOUNT_RECORD_COLUMNS, LATEST_SCORE_JOIN, toAccountRecord, type AccountRecordRow } from './latest-metrics.sql';

/** Indexed account columns; any other match_type is a trait key (intercom_id, salesforce_id...). */
const COLUMN_MATCHES: Record<string, Prisma.Sql> = {
  tracking_id: Prisma.sql`a.tracking_id`,
  domain: Prisma.sql`a.domain`,
  name: Prisma.sql`a.name`,
};

/** Enough rows to list a few candidates of an ambiguous match without reading them all. */
export const MAX_MATCH_CANDIDATES = 10;

/** accounts joined with their latest score: the base of every /v1/accounts answer. */
export class AccountLookupRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Accounts the lookup names, ordered by id: one for an id, up to MAX_MATCH_CANDIDATES + 1 for a match. */
  async find(workspaceId: string, lookup: Lookup): Promise<AccountRecord[]> {
    const rows = await this.prisma.$queryRaw<AccountRecordRow[]>`
      SELECT ${ACCOUNT_RECORD_COLUMNS} FROM accounts a ${LATEST_SCORE_JOIN}
      WHERE a.workspace_id = ${workspaceId}::bigint AND ${condition(lookup)}
      ORDER BY a.id LIMIT ${MAX_MATCH_CANDIDATES + 1}`;
    return rows.map(toAccountRecord);
  }
}

function condition(lookup: Lookup): Prisma.Sql {
  if (lookup.kind === 'id') return Prisma.sql`a.id = ${lookup.id}::bigint`;
  const column = COLUMN_MATCHES[lookup.field] ?? Prisma.sql`a.traits->>${lookup.field}`;
  return Prisma.sql`${column} = ${lookup.value}`;
}
