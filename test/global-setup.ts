// Jest globalSetup: a fresh test database with every migration before any suite runs, so a
// run never depends on what an earlier one (or an edited, not yet landed migration) left; and
// the page built from the sources under test, since the api serves dist/dashboard.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { recreateDatabase } from '../libs/database/src/migrations/migration-runner';

const TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/coil_test';

const root = path.resolve(__dirname, '..');

function buildDashboard(): void {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'apps/dashboard/vite.config.mts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

export default async function globalSetup(): Promise<void> {
  buildDashboard();
  await recreateDatabase(process.env.DATABASE_URL ?? TEST_DATABASE_URL);
}

// `.ci/run` prepares the database the same way before the suite starts.
if (require.main === module) {
  globalSetup().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
