export {
  applyMigrations,
  type ApplyMigrationsOptions,
  type MigrationLog,
  type MigrationsReport,
} from './migration-runner';
export { MigrationError, type MigrationErrorCode } from './migration-error';
export { findMigrationsDir, readMigrationFiles, type MigrationFile } from './migration-files';
