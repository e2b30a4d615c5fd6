import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MigrationError } from './migration-error';

export interface MigrationFile {
  /** Folder name, e.g. `20261126000000_init`; also the `migration_name` Prisma records. */
  name: string;
  sql: string;
  /** SHA-256 hex of the migration.sql bytes, as Prisma stores it in `_prisma_migrations`. */
  checksum: string;
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Like Prisma, accepts a script whose line endings changed since it was applied (a Windows checkout). */
export function scriptMatchesChecksum(sql: string, checksum: string): boolean {
  const variants = [sql, sql.replace(/\r\n/g, '\n'), sql.replace(/\r?\n/g, '\r\n')];
  return variants.some((variant) => sha256Hex(variant) === checksum);
}

const MIGRATIONS_SUBDIR = path.join('prisma', 'migrations');

/**
 * Walks up from this file so the same code finds prisma/migrations when run from sources
 * (ts-node, Jest) and from the compiled dist/ tree.
 */
export function findMigrationsDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, MIGRATIONS_SUBDIR);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new MigrationError('migrations_dir_not_found', `no ${MIGRATIONS_SUBDIR} above ${start}`);
    }
    dir = parent;
  }
}

/** Migration folders in name order (their timestamp prefix makes that the order to apply). */
export function readMigrationFiles(migrationsDir: string): MigrationFile[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(migrationsDir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: sha256Hex(bytes) };
    });
}
