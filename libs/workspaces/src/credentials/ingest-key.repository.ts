import type { IngestKey } from '@coil/database';
import type { CredentialRecord, CredentialRepository, DatabaseClient } from './credential-repository';

function toRecord(row: IngestKey): CredentialRecord {
  const { workspaceId, id, keyHash, keyPrefix, createdAt, revokedAt } = row;
  return { workspaceId, id, hash: keyHash, prefix: keyPrefix, createdAt, revokedAt };
}

export class IngestKeyRepository implements CredentialRepository {
  constructor(private readonly db: DatabaseClient) {}

  async insert(workspaceId: bigint, hash: string, prefix: string): Promise<CredentialRecord> {
    return toRecord(await this.db.ingestKey.create({ data: { workspaceId, keyHash: hash, keyPrefix: prefix } }));
  }

  async findActiveByHash(hash: string): Promise<CredentialRecord[]> {
    return (await this.db.ingestKey.findMany({ where: { keyHash: hash, revokedAt: null } })).map(toRecord);
  }

  async findById(workspaceId: bigint, id: bigint): Promise<CredentialRecord | null> {
    const row = await this.db.ingestKey.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
    return row && toRecord(row);
  }

  async findByHash(workspaceId: bigint, hash: string): Promise<CredentialRecord | null> {
    const where = { workspaceId_keyHash: { workspaceId, keyHash: hash } };
    const row = await this.db.ingestKey.findUnique({ where });
    return row && toRecord(row);
  }

  async markRevoked(workspaceId: bigint, id: bigint, at: Date): Promise<void> {
    await this.db.ingestKey.update({ where: { workspaceId_id: { workspaceId, id } }, data: { revokedAt: at } });
  }

  async countActiveByWorkspace(): Promise<Map<bigint, number>> {
    const groups = await this.db.ingestKey.groupBy({
      by: ['workspaceId'],
      where: { revokedAt: null },
      _count: { _all: true },
    });
    return new Map(groups.map((group) => [group.workspaceId, group._count._all]));
  }
}
