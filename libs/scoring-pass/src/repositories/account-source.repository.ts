import type { SqlClient } from '@coil/database';

/** Tracking ids are at most as long as a groupId may be at ingest. */
const MAX_TRACKING_ID_LENGTH = 255;

/** A JSON string or number as text, anything else (object, array, boolean, null) as NULL. */
function scalarText(json: string): string {
  return `CASE jsonb_typeof(${json}) WHEN 'string' THEN ${json} #>> '{}' WHEN 'number' THEN ${json} #>> '{}' END`;
}

/**
 * Users whose account the user trait ($2) decides: identified, with a usable value (the
 * tracking id), and without any 'group' membership, because group calls win.
 */
const TRAIT_USERS = `trait_users AS (
  SELECT u.id AS user_id, v.tracking_id, u.traits, u.traits_at
  FROM users u
  CROSS JOIN LATERAL (SELECT ${scalarText('u.traits -> $2::text')} AS tracking_id) v
  WHERE u.workspace_id = $1 AND u.identified AND $2::text IS NOT NULL
    AND v.tracking_id ~ '\\S' AND length(v.tracking_id) <= ${MAX_TRACKING_ID_LENGTH}
    AND NOT EXISTS (SELECT 1 FROM memberships g WHERE g.workspace_id = $1 AND g.user_id = u.id AND g.source = 'group')
)`;

/**
 * The set-based statements of the account-source sync (parity.md, "Accounts without group
 * calls"). Each is idempotent: run again on unchanged data, it changes no row. The caller runs
 * them in one transaction, in the order the rollup takes its locks (accounts, then memberships).
 */
export class AccountSourceRepository {
  constructor(private readonly db: SqlClient) {}

  /** Creates the accounts named by a user trait value that no account has yet; returns how many. */
  async createAccounts(workspaceId: string, userTrait: string): Promise<number> {
    const result = await this.db.query(
      `WITH ${TRAIT_USERS}
       INSERT INTO accounts (workspace_id, tracking_id)
       SELECT DISTINCT $1::bigint, t.tracking_id FROM trait_users t
       WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.workspace_id = $1 AND a.tracking_id = t.tracking_id)
       ORDER BY 2
       ON CONFLICT (workspace_id, tracking_id) DO NOTHING`,
      [workspaceId, userTrait],
    );
    return result.rowCount ?? 0;
  }

  /**
   * accounts.name from the name trait ($3): the account's own trait; else, for an account a user
   * trait ($2, may be null) makes, the trait on its most recently identified such user; else the
   * `name` trait, as the rollup sets it. Only rows whose name differs are written.
   */
  async updateNames(workspaceId: string, userTrait: string | null, nameTrait: string): Promise<number> {
    const result = await this.db.query(
      `WITH ${TRAIT_USERS},
       member_names AS (
         SELECT DISTINCT ON (tracking_id) tracking_id, name
         FROM (SELECT t.tracking_id, NULLIF(${scalarText('t.traits -> $3::text')}, '') AS name, t.traits_at, t.user_id
               FROM trait_users t) named
         WHERE name IS NOT NULL
         ORDER BY tracking_id, traits_at DESC NULLS LAST, user_id DESC
       ),
       wanted AS (
         SELECT a.id,
                COALESCE(NULLIF(${scalarText('a.traits -> $3::text')}, ''), m.name, ${scalarText("a.traits -> 'name'")}) AS name
         FROM accounts a LEFT JOIN member_names m ON m.tracking_id = a.tracking_id
         WHERE a.workspace_id = $1
       )
       UPDATE accounts a SET name = w.name, updated_at = CURRENT_TIMESTAMP
       FROM wanted w
       WHERE a.workspace_id = $1 AND a.id = w.id AND a.name IS DISTINCT FROM w.name`,
      [workspaceId, userTrait, nameTrait],
    );
    return result.rowCount ?? 0;
  }

  /**
   * Deletes 'trait' memberships that no longer hold: the value changed or went, the user now has
   * a group membership, or (userTrait null) the setting was cleared. Returns how many.
   */
  async removeStaleMemberships(workspaceId: string, userTrait: string | null): Promise<number> {
    const result = await this.db.query(
      `WITH ${TRAIT_USERS},
       held AS (
         SELECT a.id AS account_id, t.user_id FROM trait_users t
         JOIN accounts a ON a.workspace_id = $1 AND a.tracking_id = t.tracking_id
       )
       DELETE FROM memberships m
       WHERE m.workspace_id = $1 AND m.source = 'trait'
         AND NOT EXISTS (SELECT 1 FROM held h WHERE h.account_id = m.account_id AND h.user_id = m.user_id)`,
      [workspaceId, userTrait],
    );
    return result.rowCount ?? 0;
  }

  /** Links each user to the account its trait value names (source 'trait'); returns how many are new. */
  async addMemberships(workspaceId: string, userTrait: string): Promise<number> {
    const result = await this.db.query(
      `WITH ${TRAIT_USERS}
       INSERT INTO memberships (workspace_id, account_id, user_id, source)
       SELECT $1::bigint, a.id, t.user_id, 'trait' FROM trait_users t
       JOIN accounts a ON a.workspace_id = $1 AND a.tracking_id = t.tracking_id
       ORDER BY a.id, t.user_id
       ON CONFLICT (workspace_id, account_id, user_id) DO NOTHING`,
      [workspaceId, userTrait],
    );
    return result.rowCount ?? 0;
  }
}
