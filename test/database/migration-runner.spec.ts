import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations, findMigrationsDir, MigrationError, readMigrationFiles } from '@coil/database';
import { dropDatabase, queryDatabase, temporaryDatabaseUrl } from './temporary-database';

const databaseUrl = temporaryDatabaseUrl(process.env.DATABASE_URL as string, 'runner');

interface MigrationRow extends Record<string, unknown> {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

function migrationRows(): Promise<MigrationRow[]> {
  return queryDatabase<MigrationRow>(databaseUrl, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
}

describe('applyMigrations', () => {
  beforeEach(() => dropDatabase(databaseUrl));
  afterAll(() => dropDatabase(databaseUrl));

  it('creates the database, applies every folder once and records it as Prisma does', async () => {
    const files = readMigrationFiles(findMigrationsDir());

    const first = await applyMigrations(databaseUrl);
    const second = await applyMigrations(databaseUrl);

    expect(first.createdDatabase).toBe(true);
    expect(first.applied).toEqual(files.map((file) => file.name));
    expect(second).toEqual({ createdDatabase: false, applied: [], alreadyApplied: first.applied });
    const rows = await migrationRows();
    expect(rows).toHaveLength(files.length);
    rows.forEach((row, index) => {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.migration_name).toBe(files[index].name);
      expect(row.checksum).toBe(files[index].checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    });
  });

  it('creates _prisma_migrations with the columns and types Prisma uses', async () => {
    await applyMigrations(databaseUrl);

    const columns = await queryDatabase(
      databaseUrl,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );

    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', length: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', length: 64, is_nullable: 'NO', column_default: null },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'migration_name', data_type: 'character varying', length: 255, is_nullable: 'NO', column_default: null },
      { column_name: 'logs', data_type: 'text', length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', length: null, is_nullable: 'NO', column_default: 'now()' },
      { column_name: 'applied_steps_count', data_type: 'integer', length: null, is_nullable: 'NO', column_default: '0' },
    ]);
  });

  it('applies each migration once when several processes start at the same time', async () => {
    const reports = await Promise.all([1, 2, 3, 4].map(() => applyMigrations(databaseUrl)));

    const appliedCount = reports.reduce((sum, report) => sum + report.applied.length, 0);
    expect(appliedCount).toBe(readMigrationFiles(findMigrationsDir()).length);
    expect(await migrationRows()).toHaveLength(appliedCount);
  });

  describe('with a copy of the migrations folder', () => {
    let migrationsDir: string;

    beforeEach(() => {
      migrationsDir = mkdtempSync(path.join(tmpdir(), 'coil-migrations-'));
      cpSync(findMigrationsDir(), migrationsDir, { recursive: true });
    });
    afterEach(() => rmSync(migrationsDir, { recursive: true, force: true }));

    it('refuses to run when an applied migration was edited afterwards', async () => {
      await applyMigrations(databaseUrl, undefined, { migrationsDir });
      const [first] = readMigrationFiles(migrationsDir);
      appendFileSync(path.join(migrationsDir, first.name, 'migration.sql'), '\n-- edited\n');

      const refusal = applyMigrations(databaseUrl, undefined, { migrationsDir });

      await expect(refusal).rejects.toBeInstanceOf(MigrationError);
      await expect(refusal).rejects.toMatchObject({ code: 'migration_checksum_mismatch' });
    });

    it('accepts an applied migration whose line endings changed, as Prisma does', async () => {
      await applyMigrations(databaseUrl, undefined, { migrationsDir });
      const [first] = readMigrationFiles(migrationsDir);
      writeFileSync(path.join(migrationsDir, first.name, 'migration.sql'), first.sql.replace(/\n/g, '\r\n'));

      const report = await applyMigrations(databaseUrl, undefined, { migrationsDir });

      expect(report.alreadyApplied).toContain(first.name);
    });

    it('rolls a failing migration back entirely and records nothing for it', async () => {
      await applyMigrations(databaseUrl, undefined, { migrationsDir });
      const broken = path.join(migrationsDir, '29991231000000_broken');
      mkdirSync(broken);
      writeFileSync(path.join(broken, 'migration.sql'), 'CREATE TABLE "half_done" (id INT);\nSELECT broken syntax;');

      await expect(applyMigrations(databaseUrl, undefined, { migrationsDir })).rejects.toMatchObject({
        code: 'migration_failed',
      });
      const leftovers = await queryDatabase(databaseUrl, `SELECT to_regclass('half_done') AS name`);
      expect(leftovers).toEqual([{ name: null }]);
      expect((await migrationRows()).map((row) => row.migration_name)).not.toContain('29991231000000_broken');
    });
  });
});
