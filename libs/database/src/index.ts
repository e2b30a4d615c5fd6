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
export * from './migrations';
export { inTransaction } from './pg/in-transaction';
export type { SqlClient } from './pg/sql-client';
