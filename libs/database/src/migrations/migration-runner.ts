import { Client } from 'pg';
import { dropDatabase, ensureDatabaseExists } from './ensure-database';
import { MigrationError } from './migration-error';
import { findMigrationsDir, readMigrationFiles, scriptMatchesChecksum, type MigrationFile } from './migration-files';
import { createMigrationsTable, readMigrationRecords, recordAppliedMigration, type MigrationRecord } from './migrations-table';

/** The key Prisma Migrate locks on, so this runner and `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export type MigrationLog = (message: string) => void;

export interface ApplyMigrationsOptions {
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
}

export interface MigrationsReport {
  createdDatabase: boolean;
  /** Names applied by this call, in order. */
  applied: string[];
  /** Names that were already recorded as applied. */
  alreadyApplied: string[];
}

function isApplied(record: MigrationRecord): boolean {
  return record.finishedAt !== null && record.rolledBackAt === null;
}

/** Refuses to go on when the recorded history and the files on disk disagree. */
function checkHistory(files: MigrationFile[], records: MigrationRecord[]): void {
  const unfinished = records.find((record) => record.finishedAt === null && record.rolledBackAt === null);
  if (unfinished) {
    throw new MigrationError(
      'migration_unfinished',
      `migration ${unfinished.migrationName} started but never finished; fix the database by hand, ` +
        'then mark it rolled back (rolled_back_at) in _prisma_migrations',
    );
  }
  for (const file of files) {
    const changed = records.find(
      (record) => isApplied(record) && record.migrationName === file.name && !scriptMatchesChecksum(file.sql, record.checksum),
    );
    if (changed) {
      throw new MigrationError(
        'migration_checksum_mismatch',
        `migration ${file.name} was modified after it was applied (checksum ${changed.checksum} in the ` +
          `database, ${file.checksum} on disk); add a new migration instead of editing an applied one`,
      );
    }
  }
}

async function applyInTransaction(client: Client, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await recordAppliedMigration(client, migration);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError('migration_failed', `migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}

/**
 * Creates the database if missing and applies every pending migration folder in name order,
 * recording each in `_prisma_migrations` the way Prisma does. Safe to call from several
 * processes at once: they serialise on Prisma's advisory lock.
 */
export async function applyMigrations(
  databaseUrl: string,
  log: MigrationLog = () => undefined,
  options: ApplyMigrationsOptions = {},
): Promise<MigrationsReport> {
  const files = readMigrationFiles(options.migrationsDir ?? findMigrationsDir());
  const createdDatabase = await ensureDatabaseExists(databaseUrl);
  if (createdDatabase) log('created database');

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    await createMigrationsTable(client);
    const records = await readMigrationRecords(client);
    checkHistory(files, records);

    const appliedNames = new Set(records.filter(isApplied).map((record) => record.migrationName));
    const report: MigrationsReport = { createdDatabase, applied: [], alreadyApplied: [] };
    for (const file of files) {
      if (appliedNames.has(file.name)) {
        report.alreadyApplied.push(file.name);
        continue;
      }
      await applyInTransaction(client, file);
      report.applied.push(file.name);
      log(`applied migration ${file.name}`);
    }
    return report;
  } finally {
    // Ending the session releases the advisory lock even when unlocking is never reached.
    await client.end();
  }
}

/** A database from nothing with every migration: for tests and benchmarks, never production. */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  await dropDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
}
