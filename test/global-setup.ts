// Jest globalSetup: the test database exists and carries every migration before any suite runs.
import { applyMigrations } from '../libs/database/src/migrations';

const TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/coil_test';

export default async function globalSetup(): Promise<void> {
  await applyMigrations(process.env.DATABASE_URL ?? TEST_DATABASE_URL);
}
