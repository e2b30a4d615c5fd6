import type { Traits } from '@coil/scoring';
import type { SqlClient } from '@coil/database';

export interface TraitsOf {
  readonly id: string;
  readonly traits: Traits;
}

export interface MembershipPair {
  readonly accountId: string;
  readonly userId: string;
}

/** Traits and memberships, read only when a profile filter or a segment rule needs them. */
export class SubjectTraitsRepository {
  constructor(private readonly db: SqlClient) {}

  async accounts(workspaceId: string): Promise<TraitsOf[]> {
    const result = await this.db.query<TraitsOf>('SELECT id::text AS id, traits FROM accounts WHERE workspace_id = $1', [workspaceId]);
    return result.rows;
  }

  /** Identified users only: anonymous-only users do not score. */
  async identifiedUsers(workspaceId: string): Promise<TraitsOf[]> {
    const result = await this.db.query<TraitsOf>('SELECT id::text AS id, traits FROM users WHERE workspace_id = $1 AND identified', [
      workspaceId,
    ]);
    return result.rows;
  }

  async memberships(workspaceId: string): Promise<MembershipPair[]> {
    const result = await this.db.query<MembershipPair>(
      'SELECT account_id::text AS "accountId", user_id::text AS "userId" FROM memberships WHERE workspace_id = $1',
      [workspaceId],
    );
    return result.rows;
  }
}
