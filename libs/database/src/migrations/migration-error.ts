export type MigrationErrorCode = 'migrations_dir_not_found' | 'migration_checksum_mismatch' | 'migration_unfinished' | 'migration_failed';

/** A refusal or failure of the migration runner; `code` lets callers branch without parsing text. */
export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}
