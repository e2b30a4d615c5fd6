import type { Pool } from 'pg';
import { signalId, type SignalKind } from '@coil/signals';

export interface TestSignal {
  readonly id: string;
  readonly accountId: string;
}

/**
 * Stores `count` score_changed signals for each account and one delivery row each to the
 * destination, as the outbox does in the deriving transaction: signals first (seq = derivation
 * order), then deliveries carrying that seq and the subject key. Returns them in seq order.
 */
export async function storeSignals(
  pool: Pool,
  workspaceId: string,
  destinationId: string,
  accountIds: readonly string[],
  perAccount = 1,
  kind: SignalKind = 'score_changed',
): Promise<TestSignal[]> {
  const signals: TestSignal[] = [];
  for (let round = 0; round < perAccount; round += 1) {
    for (const accountId of accountIds) {
      signals.push({
        id: signalId(workspaceId, kind, { type: 'account', id: accountId }, `${Date.now()}-${round}-${Math.random()}`),
        accountId,
      });
    }
  }
  await pool.query(
    `WITH stored AS (
       INSERT INTO signals (workspace_id, id, kind, subject_type, subject_id, subject, occurred_at, data)
       SELECT $1, s.id, $3, 'account', s.account_id::bigint,
              jsonb_build_object('type', 'account', 'id', s.account_id, 'tracking_id', 'acct-' || s.account_id, 'name', 'Account ' || s.account_id),
              now(), jsonb_build_object('profile', 'engagement', 'before', 40, 'after', 60, 'change', 20, 'trend', 'hot')
       FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS s(id, account_id, position)
       ORDER BY s.position
       RETURNING workspace_id, id, seq, subject_id
     )
     INSERT INTO deliveries (workspace_id, destination_id, signal_id, seq, subject_key)
     SELECT workspace_id, $2, id, seq, 'account:' || subject_id FROM stored`,
    [workspaceId, destinationId, kind, signals.map((signal) => signal.id), signals.map((signal) => signal.accountId)],
  );
  return signals;
}

export async function deliveryStatuses(pool: Pool, workspaceId: string, destinationId: string): Promise<Record<string, number>> {
  const result = await pool.query<{ status: string; count: number }>(
    `SELECT status, count(*)::int AS count FROM deliveries WHERE workspace_id = $1 AND destination_id = $2 GROUP BY status`,
    [workspaceId, destinationId],
  );
  return Object.fromEntries(result.rows.map((row) => [row.status, row.count]));
}
