import type { SqlClient } from '@coil/database';
import { subjectKey, type SignalSubject, type SubjectRef } from '@coil/signals';

/** The wire subjects of signals: accounts by tracking id and name, users by external id and name trait. */
export class SignalSubjectRepository {
  constructor(private readonly db: SqlClient) {}

  /** Keyed by subjectKey; subjects no longer stored are absent. One query per subject type. */
  async subjects(workspaceId: string, refs: readonly SubjectRef[]): Promise<Map<string, SignalSubject>> {
    const ids = (type: SubjectRef['type']) => [...new Set(refs.filter((ref) => ref.type === type).map((ref) => ref.id))];
    const [accountIds, userIds] = [ids('account'), ids('user')];
    const subjects = new Map<string, SignalSubject>();
    if (accountIds.length > 0) {
      const result = await this.db.query<{ id: string; tracking_id: string; name: string | null }>(
        `SELECT id::text AS id, tracking_id, name FROM accounts WHERE workspace_id = $1 AND id = ANY($2::bigint[])`,
        [workspaceId, accountIds],
      );
      for (const row of result.rows) subjects.set(subjectKey({ type: 'account', id: row.id }), { type: 'account', ...row });
    }
    if (userIds.length > 0) {
      const result = await this.db.query<{ id: string; external_id: string; name: string | null }>(
        `SELECT id::text AS id, external_id, CASE WHEN jsonb_typeof(traits->'name') = 'string' THEN traits->>'name' END AS name
         FROM users WHERE workspace_id = $1 AND id = ANY($2::bigint[])`,
        [workspaceId, userIds],
      );
      for (const row of result.rows) subjects.set(subjectKey({ type: 'user', id: row.id }), { type: 'user', ...row });
    }
    return subjects;
  }
}
