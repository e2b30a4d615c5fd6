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
  dropDatabase,
  findMigrationsDir,
  MigrationError,
  readMigrationFiles,
  recreateDatabase,
  type ApplyMigrationsOptions,
  type MigrationErrorCode,
  type MigrationFile,
  type MigrationLog,
  type MigrationsReport,
} from './migrations';
export { inTransaction } from './pg/in-transaction';
export type { SqlClient } from './pg/sql-client';
export { createPgPool, type PgPoolOptions } from './pg/pg-pool';
export { PgUnitOfWork, unitOfWorkOver, type RepositoryShape, type UnitOfWork } from './pg/unit-of-work';
