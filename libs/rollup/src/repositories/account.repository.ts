import type { Traits } from '@coil/domain';
import type { SqlClient } from '@coil/database';
import type { TraitClock } from '../planning';

export interface StoredAccount {
  id: string;
  traits: Traits;
  /** trait_clock: per key, the latest $set/$unset and the pending $setOnce calls (merge-traits.ts). */
  clock: TraitClock;
  traitsAt: Date | null;
}

export interface AccountUpdate extends StoredAccount {
  name: string | null;
  domain: string | null;
}

/** accounts rows, keyed by the tracking id (groupId) sent at ingest. */
export class AccountRepository {
  constructor(private readonly db: SqlClient) {}

  /**
   * Tracking id -> account id, creating missing accounts. Reads first so that known accounts do
   * not draw (and waste) a sequence value on every batch.
   */
  async ensureAccounts(workspaceId: string, trackingIds: string[]): Promise<Map<string, string>> {
    const known = await this.findAccounts(workspaceId, trackingIds);
    const missing = trackingIds.filter((id) => !known.has(id));
    if (missing.length === 0) return known;
    await this.db.query(
      `INSERT INTO accounts (workspace_id, tracking_id)
       SELECT $1, t FROM unnest($2::text[]) AS u(t)
       ON CONFLICT (workspace_id, tracking_id) DO NOTHING`,
      [workspaceId, missing],
    );
    for (const [trackingId, id] of await this.findAccounts(workspaceId, missing)) known.set(trackingId, id);
    return known;
  }

  private async findAccounts(workspaceId: string, trackingIds: string[]): Promise<Map<string, string>> {
    const result = await this.db.query<{ id: string; tracking_id: string }>(
      `SELECT id, tracking_id FROM accounts WHERE workspace_id = $1 AND tracking_id = ANY($2::text[])`,
      [workspaceId, trackingIds],
    );
    return new Map(result.rows.map((row) => [row.tracking_id, row.id]));
  }

  async lockAccounts(workspaceId: string, ids: string[]): Promise<StoredAccount[]> {
    const result = await this.db.query<{ id: string; traits: Traits; trait_clock: TraitClock; traits_at: Date | null }>(
      `SELECT id, traits, trait_clock, traits_at FROM accounts
       WHERE workspace_id = $1 AND id = ANY($2::bigint[]) ORDER BY id FOR UPDATE`,
      [workspaceId, ids],
    );
    return result.rows.map((row) => ({ id: row.id, traits: row.traits, clock: row.trait_clock, traitsAt: row.traits_at }));
  }

  async updateAccounts(workspaceId: string, accounts: AccountUpdate[]): Promise<void> {
    await this.db.query(
      `UPDATE accounts a SET traits = t.tr::jsonb, trait_clock = t.tc::jsonb, traits_at = t.ta, name = t.n,
         domain = t.d, updated_at = CURRENT_TIMESTAMP
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[]) AS t(id, tr, tc, ta, n, d)
       WHERE a.workspace_id = $1 AND a.id = t.id`,
      [
        workspaceId,
        accounts.map((account) => account.id),
        accounts.map((account) => JSON.stringify(account.traits)),
        accounts.map((account) => JSON.stringify(account.clock)),
        accounts.map((account) => account.traitsAt),
        accounts.map((account) => account.name),
        accounts.map((account) => account.domain),
      ],
    );
  }
}
