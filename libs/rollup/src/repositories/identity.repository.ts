import type { SqlClient } from '@coil/database';

export interface KnownAlias {
  userId: string;
  identified: boolean;
}

export interface NewUser {
  externalId: string;
  identified: boolean;
}

export interface AliasRow {
  externalId: string;
  userId: string;
}

/** user_aliases (every external id -> its user) and the creation of user rows. */
export class IdentityRepository {
  constructor(private readonly db: SqlClient) {}

  /**
   * Aliases of the given ids (sorted), share-locked: a concurrent merge of one of these people
   * waits for this transaction, and this one waits for a merge in flight and then sees its result.
   */
  async lockAliases(workspaceId: string, externalIds: string[]): Promise<Map<string, KnownAlias>> {
    const result = await this.db.query<{ external_id: string; user_id: string; identified: boolean }>(
      `SELECT a.external_id, a.user_id, u.identified
       FROM user_aliases a
       JOIN users u ON u.workspace_id = a.workspace_id AND u.id = a.user_id
       WHERE a.workspace_id = $1 AND a.external_id = ANY($2::text[])
       ORDER BY a.external_id
       FOR SHARE OF a`,
      [workspaceId, externalIds],
    );
    return new Map(result.rows.map((row) => [row.external_id, { userId: row.user_id, identified: row.identified }]));
  }

  /** Creates users (sorted by external id); returns external id -> new id for those created. */
  async createUsers(workspaceId: string, users: NewUser[]): Promise<Map<string, string>> {
    const result = await this.db.query<{ id: string; external_id: string }>(
      `INSERT INTO users (workspace_id, external_id, identified)
       SELECT $1, e, i FROM unnest($2::text[], $3::boolean[]) AS t(e, i)
       ON CONFLICT (workspace_id, external_id) DO NOTHING
       RETURNING id, external_id`,
      [workspaceId, users.map((user) => user.externalId), users.map((user) => user.identified)],
    );
    return new Map(result.rows.map((row) => [row.external_id, row.id]));
  }

  /** Adds aliases (sorted by external id); returns how many were new. */
  async addAliases(workspaceId: string, aliases: AliasRow[]): Promise<number> {
    const result = await this.db.query(
      `INSERT INTO user_aliases (workspace_id, external_id, user_id)
       SELECT $1, e, u FROM unnest($2::text[], $3::bigint[]) AS t(e, u)
       ON CONFLICT (workspace_id, external_id) DO NOTHING`,
      [workspaceId, aliases.map((alias) => alias.externalId), aliases.map((alias) => alias.userId)],
    );
    return result.rowCount ?? 0;
  }
}
