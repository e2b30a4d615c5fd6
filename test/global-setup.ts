// Jest globalSetup: a fresh test database with every migration before any suite runs, so a
// run never depends on what an earlier one (or an edited, not yet landed migration) left.
import { recreateDatabase } from '../libs/database/src/migrations/migration-runner';

const TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/coil_test';

export default async function globalSetup(): Promise<void> {
  await recreateDatabase(process.env.DATABASE_URL ?? TEST_DATABASE_URL);
}

// `.ci/run` prepares the database the same way before the suite starts.
if (require.main === module) {
  globalSetup().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
