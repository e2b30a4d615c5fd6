import type { Traits } from '@coil/domain';
import type { SqlClient } from '@coil/database';
import type { TraitClock } from '../planning';

export interface StoredUser {
  id: string;
  externalId: string;
  identified: boolean;
  traits: Traits;
  /** trait_clock: per key, the latest $set/$unset and the pending $setOnce calls (merge-traits.ts). */
  clock: TraitClock;
  traitsAt: Date | null;
}

/** users rows: traits, identity flags, and the deletion of people merged into others. */
export class UserRepository {
  constructor(private readonly db: SqlClient) {}

  /** Locks and reads users, in id order. */
  async lockUsers(workspaceId: string, ids: string[]): Promise<StoredUser[]> {
    const result = await this.db.query<{
      id: string;
      external_id: string;
      identified: boolean;
      traits: Traits;
      trait_clock: TraitClock;
      traits_at: Date | null;
    }>(
      `SELECT id, external_id, identified, traits, trait_clock, traits_at FROM users
       WHERE workspace_id = $1 AND id = ANY($2::bigint[]) ORDER BY id FOR UPDATE`,
      [workspaceId, ids],
    );
    return result.rows.map((row) => ({
      id: row.id,
      externalId: row.external_id,
      identified: row.identified,
      traits: row.traits,
      clock: row.trait_clock,
      traitsAt: row.traits_at,
    }));
  }

  async updateUsers(workspaceId: string, users: StoredUser[]): Promise<void> {
    if (users.length === 0) return;
    await this.db.query(
      `UPDATE users u SET external_id = t.e, identified = t.i, traits = t.tr::jsonb, trait_clock = t.tc::jsonb,
         traits_at = t.ta, updated_at = CURRENT_TIMESTAMP
       FROM unnest($2::bigint[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::timestamptz[]) AS t(id, e, i, tr, tc, ta)
       WHERE u.workspace_id = $1 AND u.id = t.id`,
      [
        workspaceId,
        users.map((user) => user.id),
        users.map((user) => user.externalId),
        users.map((user) => user.identified),
        users.map((user) => JSON.stringify(user.traits)),
        users.map((user) => JSON.stringify(user.clock)),
        users.map((user) => user.traitsAt),
      ],
    );
  }

  async deleteUsers(workspaceId: string, ids: string[]): Promise<void> {
    await this.db.query(`DELETE FROM users WHERE workspace_id = $1 AND id = ANY($2::bigint[])`, [workspaceId, ids]);
  }
}
