import type { SqlClient } from '@coil/database';
import type { Lookup } from '../query/query-validator';
import type { AccountRecord } from '../blocks/account-block';
import type { ResolvedProfile } from '../profiles/profile-resolver';
import { traitMatchCondition } from './trait-match.sql';
import { ACCOUNT_RECORD_COLUMNS, LATEST_SCORE_JOIN, PROFILE_RELATION, profileParams } from './latest-metrics.sql';

/** Indexed account columns; any other match_type is a trait key (intercom_id, salesforce_id...). */
const COLUMN_MATCHES: Record<string, string> = {
  tracking_id: 'a.tracking_id',
  domain: 'a.domain',
  name: 'a.name',
};

/** Enough rows to list a few candidates of an ambiguous match without reading them all. */
export const MAX_MATCH_CANDIDATES = 10;

/** accounts joined with their latest score: the base of every /v1/accounts answer. */
export class AccountLookupRepository {
  constructor(private readonly db: SqlClient) {}

  /** Accounts the lookup names, ordered by id: one for an id, up to MAX_MATCH_CANDIDATES + 1 for a match. */
  async find(workspaceId: string, profile: ResolvedProfile, lookup: Lookup): Promise<AccountRecord[]> {
    const [condition, ...values] = accountCondition(lookup, 4);
    const result = await this.db.query<AccountRecord>(
      `SELECT ${ACCOUNT_RECORD_COLUMNS} FROM accounts a CROSS JOIN ${PROFILE_RELATION} ${LATEST_SCORE_JOIN}
       WHERE a.workspace_id = $1::bigint AND ${condition}
       ORDER BY a.id LIMIT ${MAX_MATCH_CANDIDATES + 1}`,
      [workspaceId, ...profileParams(profile), ...values],
    );
    return result.rows;
  }

  /** The ids alone, for reads that need only to know which account (history, feature usage). */
  async findIds(workspaceId: string, lookup: Lookup): Promise<{ id: string }[]> {
    const [condition, ...values] = accountCondition(lookup, 2);
    const result = await this.db.query<{ id: string }>(
      `SELECT a.id::text AS id FROM accounts a WHERE a.workspace_id = $1::bigint AND ${condition}
       ORDER BY a.id LIMIT ${MAX_MATCH_CANDIDATES + 1}`,
      [workspaceId, ...values],
    );
    return result.rows;
  }
}

/** The condition, its parameters numbered from $first, then their values. */
export function accountCondition(lookup: Lookup, first: number): [string, ...string[]] {
  const one = `$${first}`;
  if (lookup.kind === 'id') return [`a.id = ${one}::bigint`, lookup.id];
  const column = COLUMN_MATCHES[lookup.field];
  return column ? [`${column} = ${one}`, lookup.value] : traitMatchCondition('a.traits', lookup.field, lookup.value, first);
}
