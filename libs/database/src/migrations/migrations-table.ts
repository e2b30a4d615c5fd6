import { randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import type { MigrationFile } from './migration-files';

/** The table exactly as Prisma Migrate creates it, so `prisma migrate deploy` can take over. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationRecord {
  migrationName: string;
  checksum: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
}

export async function createMigrationsTable(client: ClientBase): Promise<void> {
  await client.query(CREATE_MIGRATIONS_TABLE);
}

export async function readMigrationRecords(client: ClientBase): Promise<MigrationRecord[]> {
  const result = await client.query<MigrationRecord>(
    `SELECT migration_name AS "migrationName", checksum, finished_at AS "finishedAt",
            rolled_back_at AS "rolledBackAt"
       FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return result.rows;
}

/** One row per applied migration, with one applied step, as Prisma records a successful one. */
export async function recordAppliedMigration(client: ClientBase, migration: MigrationFile): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations"
       (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
    [randomUUID(), migration.checksum, migration.name],
  );
}
