export { createPrismaClient, PrismaClient } from './prisma';
export { Prisma } from './generated/client';
export type {
  Account,
  AccountScore,
  DailyCount,
  EventWeight,
  Feature,
  FeatureEvent,
  IngestKey,
  Membership,
  ProcessedBatch,
  ReadToken,
  ScoringProfile,
  SeenMessage,
  Segment,
  SegmentMembership,
  User,
  UserAlias,
  UserScore,
  Workspace,
} from './generated/client';
export {
  applyMigrations,
  recreateDatabase,
  type ApplyMigrationsOptions,
  type MigrationLog,
  type MigrationsReport,
} from './migrations/migration-runner';
export { MigrationError, type MigrationErrorCode } from './migrations/migration-error';
export { findMigrationsDir, readMigrationFiles, type MigrationFile } from './migrations/migration-files';
export { dropDatabase } from './migrations/ensure-database';
export { createPgPool, preparedStatements, type PgPoolOptions, type SqlClient } from './pg/pool';
export { inTransaction, PgUnitOfWork, unitOfWorkOver, type RepositoryShape, type UnitOfWork } from './pg/transaction';
