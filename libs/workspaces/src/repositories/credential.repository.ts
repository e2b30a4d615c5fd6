import type { SqlClient } from '@coil/database';
import type { CredentialKind } from '../credentials/credential-kind';

/** An ingest key or read token row, whichever table it lives in. */
export interface CredentialRecord {
  workspaceId: string;
  id: string;
  hash: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Which row of a workspace: its id, or the hash of the secret as the user holds it. */
export type CredentialRef = { id: string } | { hash: string };

interface CredentialTable {
  table: string;
  hash: string;
  prefix: string;
}

// The two tables have the same shape under different names; names come only from here.
const TABLES: Record<CredentialKind, CredentialTable> = {
  ingest_key: { table: 'ingest_keys', hash: 'key_hash', prefix: 'key_prefix' },
  read_token: { table: 'read_tokens', hash: 'token_hash', prefix: 'token_prefix' },
};

/** ingest_keys or read_tokens rows, chosen by kind. */
export class CredentialRepository {
  private readonly table: CredentialTable;
  private readonly columns: string;

  constructor(
    private readonly db: SqlClient,
    kind: CredentialKind,
  ) {
    this.table = TABLES[kind];
    this.columns = `workspace_id::text AS "workspaceId", id::text AS id, ${this.table.hash} AS hash,
      ${this.table.prefix} AS prefix, created_at AS "createdAt", revoked_at AS "revokedAt"`;
  }

  async insert(workspaceId: string, hash: string, prefix: string): Promise<CredentialRecord> {
    const { table, hash: hashColumn, prefix: prefixColumn } = this.table;
    const result = await this.db.query<CredentialRecord>(
      `INSERT INTO ${table} (workspace_id, ${hashColumn}, ${prefixColumn}) VALUES ($1, $2, $3) RETURNING ${this.columns}`,
      [workspaceId, hash, prefix],
    );
    return result.rows[0];
  }

  /** Across workspaces, through the hash index: the lookup of the hot path. */
  async findActiveByHash(hash: string): Promise<CredentialRecord[]> {
    const result = await this.db.query<CredentialRecord>(
      `SELECT ${this.columns} FROM ${this.table.table} WHERE ${this.table.hash} = $1 AND revoked_at IS NULL`,
      [hash],
    );
    return result.rows;
  }

  async find(workspaceId: string, ref: CredentialRef): Promise<CredentialRecord | null> {
    const [column, value] = 'id' in ref ? ['id', ref.id] : [this.table.hash, ref.hash];
    const result = await this.db.query<CredentialRecord>(
      `SELECT ${this.columns} FROM ${this.table.table} WHERE workspace_id = $1 AND ${column} = $2`,
      [workspaceId, value],
    );
    return result.rows[0] ?? null;
  }

  async markRevoked(workspaceId: string, id: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE ${this.table.table} SET revoked_at = $3 WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, at]);
  }

  /** Active rows per workspace id; workspaces without any are absent. */
  async countActiveByWorkspace(): Promise<Map<string, number>> {
    const result = await this.db.query<{ workspaceId: string; count: number }>(
      `SELECT workspace_id::text AS "workspaceId", COUNT(*)::int AS count FROM ${this.table.table}
       WHERE revoked_at IS NULL GROUP BY workspace_id`,
    );
    return new Map(result.rows.map((row) => [row.workspaceId, row.count]));
  }
}
