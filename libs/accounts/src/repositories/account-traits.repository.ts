import type { SqlClient } from '@coil/database';
import type { AccountTraits } from '../blocks/account-block';

export class AccountTraitsRepository {
  constructor(private readonly db: SqlClient) {}

  /** The account's merged traits; {} when it has none or no longer exists. */
  async traits(workspaceId: string, accountId: string): Promise<AccountTraits> {
    const result = await this.db.query<{ traits: AccountTraits }>(
      'SELECT traits FROM accounts WHERE workspace_id = $1::bigint AND id = $2::bigint',
      [workspaceId, accountId],
    );
    return result.rows[0]?.traits ?? {};
  }
}
