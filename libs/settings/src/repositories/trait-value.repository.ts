import type { TraitDataType } from '@coil/scoring';
import type { SqlClient } from '@coil/database';

export type TraitHolder = 'user' | 'account';

/** One distinct value of a typed trait key, with how many users or accounts hold it. */
export interface TypedTraitValue {
  readonly subject: TraitHolder;
  readonly key: string;
  readonly type: TraitDataType;
  /** The value as stored (any JSON value). */
  readonly value: unknown;
  readonly count: number;
}

/** The values users and accounts hold under the workspace's typed trait keys, for `trait types check`. */
export class TraitValueRepository {
  constructor(private readonly db: SqlClient) {}

  /** Every distinct value per (subject, typed key) in one statement, most held first. */
  async distinctTypedValues(workspaceId: string): Promise<TypedTraitValue[]> {
    const result = await this.db.query<TypedTraitValue>(
      `SELECT 'account' AS subject, t.key, t.type, a.traits -> t.key AS value, count(*)::int AS count
       FROM trait_types t JOIN accounts a ON a.workspace_id = t.workspace_id AND a.traits ? t.key
       WHERE t.workspace_id = $1
       GROUP BY t.key, t.type, a.traits -> t.key
       UNION ALL
       SELECT 'user' AS subject, t.key, t.type, u.traits -> t.key AS value, count(*)::int AS count
       FROM trait_types t JOIN users u ON u.workspace_id = t.workspace_id AND u.traits ? t.key
       WHERE t.workspace_id = $1
       GROUP BY t.key, t.type, u.traits -> t.key
       ORDER BY key, subject, count DESC, value`,
      [workspaceId],
    );
    return result.rows;
  }
}
