import type { ReadToken } from '@coil/database';
import type { CredentialRecord, CredentialRepository, DatabaseClient } from './credential-repository';

function toRecord(row: ReadToken): CredentialRecord {
  const { workspaceId, id, tokenHash, tokenPrefix, createdAt, revokedAt } = row;
  return { workspaceId, id, hash: tokenHash, prefix: tokenPrefix, createdAt, revokedAt };
}

export class ReadTokenRepository implements CredentialRepository {
  constructor(private readonly db: DatabaseClient) {}

  async insert(workspaceId: bigint, hash: string, prefix: string): Promise<CredentialRecord> {
    return toRecord(await this.db.readToken.create({ data: { workspaceId, tokenHash: hash, tokenPrefix: prefix } }));
  }

  async findActiveByHash(hash: string): Promise<CredentialRecord[]> {
    return (await this.db.readToken.findMany({ where: { tokenHash: hash, revokedAt: null } })).map(toRecord);
  }

  async findById(workspaceId: bigint, id: bigint): Promise<CredentialRecord | null> {
    const row = await this.db.readToken.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
    return row && toRecord(row);
  }

  async findByHash(workspaceId: bigint, hash: string): Promise<CredentialRecord | null> {
    const where = { workspaceId_tokenHash: { workspaceId, tokenHash: hash } };
    const row = await this.db.readToken.findUnique({ where });
    return row && toRecord(row);
  }

  async markRevoked(workspaceId: bigint, id: bigint, at: Date): Promise<void> {
    await this.db.readToken.update({ where: { workspaceId_id: { workspaceId, id } }, data: { revokedAt: at } });
  }

  async countActiveByWorkspace(): Promise<Map<bigint, number>> {
    const groups = await this.db.readToken.groupBy({
      by: ['workspaceId'],
      where: { revokedAt: null },
      _count: { _all: true },
    });
    return new Map(groups.map((group) => [group.workspaceId, group._count._all]));
  }
}
