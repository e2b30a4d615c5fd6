import { dropDatabase } from './ensure-database';
import { applyMigrations } from './migration-runner';

/** A database from nothing with every migration: for tests and benchmarks, never production. */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  await dropDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
}
