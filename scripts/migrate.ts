// `npm run migrate`: applies pending migrations to DATABASE_URL (created if missing).
import { loadConfig } from '@coil/platform';
import { applyMigrations } from '@coil/database';

async function main(): Promise<void> {
  const { databaseUrl } = loadConfig();
  const report = await applyMigrations(databaseUrl, (message) => console.log(message));
  if (report.applied.length === 0) console.log('database is up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
