import type { PrismaClient, Prisma } from '@coil/database';

/** A PrismaClient or the client of an interactive transaction. */
export type DatabaseClient = PrismaClient | Prisma.TransactionClient;

/** An ingest key or read token row, whichever table it lives in. */
export interface CredentialRecord {
  workspaceId: bigint;
  id: bigint;
  hash: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface CredentialRepository {
  insert(workspaceId: bigint, hash: string, prefix: string): Promise<CredentialRecord>;
  /** Across workspaces, through the hash index: the lookup of the hot path. */
  findActiveByHash(hash: string): Promise<CredentialRecord[]>;
  findById(workspaceId: bigint, id: bigint): Promise<CredentialRecord | null>;
  findByHash(workspaceId: bigint, hash: string): Promise<CredentialRecord | null>;
  markRevoked(workspaceId: bigint, id: bigint, at: Date): Promise<void>;
  countActiveByWorkspace(): Promise<Map<bigint, number>>;
}
