import type { SqlClient } from '@coil/database';
import type { WorkspaceDirectory } from '../guard/require-workspace';

export interface WorkspaceRow {
  id: string;
  name: string;
  createdAt: Date;
}

/** How a workspace organises its accounts (parity.md "Accounts without group calls"); null: not set. */
export interface AccountSettings {
  /** User trait whose value is the tracking id of the user's account, for products without group calls. */
  readonly userTrait: string | null;
  /** Account trait read as the display name (default: the `name` trait). */
  readonly nameTrait: string | null;
  /** Account trait read as the account's creation date (default: `createdAt`, then `created_at`). */
  readonly createdAtTrait: string | null;
}

const ACCOUNT_SETTINGS_COLUMNS = `account_user_trait AS "userTrait", account_name_trait AS "nameTrait",
  account_created_trait AS "createdAtTrait"`;

export class WorkspaceRepository implements WorkspaceDirectory {
  constructor(private readonly db: SqlClient) {}

  /** The new workspace's id. */
  async insert(name: string): Promise<string> {
    const result = await this.db.query<{ id: string }>('INSERT INTO workspaces (name) VALUES ($1) RETURNING workspace_id::text AS id', [
      name,
    ]);
    return result.rows[0].id;
  }

  async exists(workspaceId: string): Promise<boolean> {
    const result = await this.db.query('SELECT 1 FROM workspaces WHERE workspace_id = $1', [workspaceId]);
    return result.rowCount === 1;
  }

  /** Undefined when there is no such workspace. */
  async nameOf(workspaceId: string): Promise<string | undefined> {
    const result = await this.db.query<{ name: string }>('SELECT name FROM workspaces WHERE workspace_id = $1', [workspaceId]);
    return result.rows[0]?.name;
  }

  async listIds(): Promise<string[]> {
    const result = await this.db.query<{ id: string }>('SELECT workspace_id::text AS id FROM workspaces ORDER BY workspace_id');
    return result.rows.map((row) => row.id);
  }

  async list(): Promise<WorkspaceRow[]> {
    const result = await this.db.query<WorkspaceRow>(
      'SELECT workspace_id::text AS id, name, created_at AS "createdAt" FROM workspaces ORDER BY workspace_id',
    );
    return result.rows;
  }

  /** Undefined when there is no such workspace. */
  async accountSettings(workspaceId: string): Promise<AccountSettings | undefined> {
    const result = await this.db.query<AccountSettings>(`SELECT ${ACCOUNT_SETTINGS_COLUMNS} FROM workspaces WHERE workspace_id = $1`, [
      workspaceId,
    ]);
    return result.rows[0];
  }

  /** Sets the given keys (null clears one) and returns the settings as they now are. */
  async setAccountSettings(workspaceId: string, change: Partial<AccountSettings>): Promise<AccountSettings> {
    const result = await this.db.query<AccountSettings>(
      `UPDATE workspaces SET
         account_user_trait = CASE WHEN $2 THEN $3 ELSE account_user_trait END,
         account_name_trait = CASE WHEN $4 THEN $5 ELSE account_name_trait END,
         account_created_trait = CASE WHEN $6 THEN $7 ELSE account_created_trait END
       WHERE workspace_id = $1 RETURNING ${ACCOUNT_SETTINGS_COLUMNS}`,
      [
        workspaceId,
        'userTrait' in change,
        change.userTrait ?? null,
        'nameTrait' in change,
        change.nameTrait ?? null,
        'createdAtTrait' in change,
        change.createdAtTrait ?? null,
      ],
    );
    return result.rows[0];
  }
}
