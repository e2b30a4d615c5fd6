export {
  applyMigrations,
  type ApplyMigrationsOptions,
  type MigrationLog,
  type MigrationsReport,
} from './migration-runner';
export { MigrationError, type MigrationErrorCode } from './migration-error';
export { findMigrationsDir, readMigrationFiles, type MigrationFile } from './migration-files';
export { dropDatabase } from './ensure-database';
export { recreateDatabase } from './recreate-database';
