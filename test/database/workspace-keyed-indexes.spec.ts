// docs/scaling.md: every primary key and unique index leads with workspace_id, so each table
// distributes on Citus with workspace_id as the distribution column.
import { queryDatabase } from './temporary-database';

interface KeyIndex extends Record<string, unknown> {
  table_name: string;
  index_name: string;
  first_column: string;
}

const EXEMPT_TABLES = ['_prisma_migrations', 'workspaces'];

describe('primary keys and unique indexes', () => {
  it('lead with workspace_id in every workspace-owned table', async () => {
    const indexes = await queryDatabase<KeyIndex>(
      process.env.DATABASE_URL as string,
      `SELECT t.relname AS table_name, i.relname AS index_name, a.attname AS first_column
         FROM pg_index x
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
        WHERE n.nspname = 'public' AND (x.indisprimary OR x.indisunique)
        ORDER BY t.relname, i.relname`,
    );
    const checked = indexes.filter((index) => !EXEMPT_TABLES.includes(index.table_name));

    expect(checked.length).toBeGreaterThanOrEqual(17);
    expect(checked.filter((index) => index.first_column !== 'workspace_id')).toEqual([]);
  });

  it('keeps workspaces keyed by workspace_id itself', async () => {
    const [primaryKey] = await queryDatabase<KeyIndex>(
      process.env.DATABASE_URL as string,
      `SELECT a.attname AS first_column
         FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
        WHERE x.indrelid = 'public.workspaces'::regclass AND x.indisprimary`,
    );
    expect(primaryKey.first_column).toBe('workspace_id');
  });
});
