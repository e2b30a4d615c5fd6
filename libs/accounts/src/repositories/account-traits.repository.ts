import type { PrismaClient } from '@coil/database';
import type { AccountTraits } from '../blocks/account-blocks';

export class AccountTraitsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The account's merged traits; {} when it has none or no longer exists. */
  async traits(workspaceId: string, accountId: string): Promise<AccountTraits> {
    const rows = await this.prisma.$queryRaw<{ traits: AccountTraits }[]>`
      SELECT traits FROM accounts WHERE workspace_id = ${workspaceId}::bigint AND id = ${accountId}::bigint`;
    return rows[0]?.traits ?? {};
  }
}
