import type { SqlClient } from '@coil/database';
import type { Signal } from '@coil/signals';
import type { SendResult } from '../contracts/send-result';

/** One delivery the engine may send now: a lane's oldest pending one whose time has come. */
export interface DueDelivery extends DeliveryRef {
  readonly attempts: number;
  /** Slack digests: the destination's interval, in seconds; deliveries go out per interval. */
  readonly digestSeconds: number | null;
}

/** A delivery claimed for sending, with its signal. */
export interface ClaimedDelivery {
  readonly signalId: string;
  readonly subjectKey: string;
  readonly seq: string;
  readonly attempts: number;
  readonly signal: Signal;
  readonly signalCreatedAt: Date;
}

export interface AttemptToRecord {
  readonly workspaceId: string;
  readonly destinationId: string;
  readonly item: string;
  readonly attempt: number;
  readonly result: SendResult;
  readonly latencyMs: number;
  readonly signalIds: readonly string[];
  /** Their places (seq): the settling update finds them by (workspace, seq) on a table without statistics yet. */
  readonly seqs: readonly string[];
  readonly retryInMs: number | null;
  /** A single delivery's subject key: its lane's next delivery is returned. */
  readonly lane: string | null;
}

/**
 * A delivery as a job names it. Its lane (subject key) and place in it (seq) come along, so the
 * claim finds it through the lane index whatever the planner's statistics say of a table that
 * just grew by a burst of signals.
 */
export interface DeliveryRef {
  readonly workspaceId: string;
  readonly destinationId: string;
  readonly signalId: string;
  readonly subjectKey: string;
  readonly seq: string;
}

const REF_COLUMNS = `workspace_id::text AS "workspaceId", destination_id::text AS "destinationId", signal_id AS "signalId",
  subject_key AS "subjectKey", seq::text AS seq`;

interface ClaimRow {
  signal_id: string;
  subject_key: string;
  seq: string;
  attempts: number;
  kind: Signal['kind'];
  subject: Signal['subject'];
  occurred_at: Date;
  data: Signal['data'];
  created_at: Date;
}

const CLAIMED_COLUMNS = `c.signal_id, c.subject_key, c.seq::text AS seq, c.attempts, s.kind, s.subject, s.occurred_at, s.data, s.created_at`;

function claimed(workspaceId: string, row: ClaimRow): ClaimedDelivery {
  const signal = {
    id: row.signal_id,
    workspace_id: workspaceId,
    kind: row.kind,
    subject: row.subject,
    occurred_at: row.occurred_at.toISOString(),
    data: row.data,
  } as Signal;
  return {
    signalId: row.signal_id,
    subjectKey: row.subject_key,
    seq: row.seq,
    attempts: row.attempts,
    signal,
    signalCreatedAt: row.created_at,
  };
}

/**
 * The outbox as the engine works it. A claim pushes next_attempt_at past the send's timeout (a
 * lease): two jobs for one delivery cannot both send it, and a worker dying mid-send only
 * delays it until the lease runs out and the sweeper finds it due again.
 */
export class DeliveryRepository {
  constructor(private readonly db: SqlClient) {}

  /**
   * Claims the delivery if it is pending, due, and the oldest pending one of its lane (its
   * destination and subject): a later signal of the subject never overtakes an earlier one.
   */
  async claim(ref: DeliveryRef, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    const result = await this.db.query<ClaimRow>(
      `WITH c AS (
         UPDATE deliveries d SET next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
         WHERE d.workspace_id = $1 AND d.destination_id = $2 AND d.subject_key = $5 AND d.seq = $6 AND d.signal_id = $3
           AND d.status = 'pending' AND d.next_attempt_at <= now()
           AND NOT EXISTS (
             SELECT 1 FROM deliveries e
             WHERE e.workspace_id = $1 AND e.destination_id = $2 AND e.subject_key = $5 AND e.status = 'pending' AND e.seq < $6
           )
         RETURNING d.workspace_id, d.signal_id, d.subject_key, d.attempts, d.seq
       )
       SELECT ${CLAIMED_COLUMNS} FROM c JOIN signals s ON s.workspace_id = c.workspace_id AND s.id = c.signal_id`,
      [ref.workspaceId, ref.destinationId, ref.signalId, leaseMs, ref.subjectKey, ref.seq],
    );
    return result.rows[0] && claimed(ref.workspaceId, result.rows[0]);
  }

  /** Claims every due pending delivery of a digest destination, oldest first. */
  async claimDigest(workspaceId: string, destinationId: string, leaseMs: number): Promise<ClaimedDelivery[]> {
    const result = await this.db.query<ClaimRow>(
      `WITH c AS (
         UPDATE deliveries d SET next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
         WHERE d.workspace_id = $1 AND d.destination_id = $2 AND d.status = 'pending' AND d.next_attempt_at <= now()
         RETURNING d.workspace_id, d.signal_id, d.subject_key, d.attempts, d.seq
       )
       SELECT ${CLAIMED_COLUMNS} FROM c JOIN signals s ON s.workspace_id = c.workspace_id AND s.id = c.signal_id ORDER BY c.seq`,
      [workspaceId, destinationId, leaseMs],
    );
    return result.rows.map((row) => claimed(workspaceId, row));
  }

  /**
   * Records an attempt at `item` (a signal id, a digest's or a sync's key) and, for the given
   * deliveries, its consequence: delivered, failed, or pending again after `retryInMs`. A
   * delivery ends the destination's failing streak. With `lane` (a single delivery's subject key)
   * it returns that lane's next delivery once this one is done, if it is due: one round trip for
   * what every delivery does.
   */
  async recordAttempt(attempt: AttemptToRecord): Promise<DueDelivery | undefined> {
    const { result } = attempt;
    const status = result.outcome === 'delivered' ? 'delivered' : attempt.retryInMs === null ? 'failed' : 'pending';
    const next = await this.db.query<DueDelivery & { due: boolean }>(
      `WITH recorded AS (
         INSERT INTO delivery_attempts (workspace_id, destination_id, item, attempt, outcome, status_code, latency_ms, response, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ),
       settled AS (
         UPDATE deliveries
         SET status = $10, attempts = $4,
             next_attempt_at = CASE WHEN $10 = 'pending' THEN now() + make_interval(secs => $11::double precision / 1000) ELSE next_attempt_at END,
             last_error = $12, delivered_at = CASE WHEN $10 = 'delivered' THEN now() END
         WHERE workspace_id = $1 AND seq = ANY($15::bigint[]) AND destination_id = $2 AND signal_id = ANY($13::text[])
           AND status = 'pending'
       ),
       streak_ended AS (
         UPDATE destinations SET failing_since = NULL
         WHERE workspace_id = $1 AND id = $2 AND failing_since IS NOT NULL AND $10 = 'delivered'
       )
       SELECT ${REF_COLUMNS}, attempts, NULL::int AS "digestSeconds", next_attempt_at <= now() AS due
       FROM deliveries
       WHERE $14::text IS NOT NULL AND $10 <> 'pending'
         AND workspace_id = $1 AND destination_id = $2 AND subject_key = $14 AND status = 'pending' AND signal_id <> ALL($13::text[])
       ORDER BY deliveries.seq LIMIT 1`,
      [
        attempt.workspaceId,
        attempt.destinationId,
        attempt.item,
        attempt.attempt,
        status === 'pending' ? 'retry' : status,
        result.statusCode ?? null,
        attempt.latencyMs,
        result.response ?? null,
        result.error ?? null,
        status,
        attempt.retryInMs ?? 0,
        status === 'delivered' ? null : describeFailure(result),
        attempt.signalIds,
        attempt.lane,
        attempt.seqs,
      ],
    );
    const row = next.rows[0];
    if (!row?.due) return undefined;
    const { due: _due, ...delivery } = row;
    return delivery;
  }

  /**
   * What should be sending now, for one workspace or (null) all: each lane's oldest pending
   * delivery when it has been due for `minAgeMs`, of enabled destinations only; for a digest
   * destination one row.
   */
  async due(workspaceId: string | null, limit: number, minAgeMs = 0): Promise<DueDelivery[]> {
    const result = await this.db.query<DueDelivery>(
      `WITH heads AS (
         SELECT DISTINCT ON (d.workspace_id, d.destination_id, d.subject_key)
                d.workspace_id, d.destination_id, d.signal_id, d.subject_key, d.seq, d.attempts, d.next_attempt_at,
                (t.settings ->> 'digest_seconds')::int AS digest_seconds
         FROM deliveries d
         JOIN destinations t ON t.workspace_id = d.workspace_id AND t.id = d.destination_id AND t.enabled
         WHERE d.status = 'pending' AND ($1::bigint IS NULL OR d.workspace_id = $1)
         ORDER BY d.workspace_id, d.destination_id, d.subject_key, d.seq
       )
       SELECT DISTINCT ON (workspace_id, destination_id, CASE WHEN digest_seconds IS NULL THEN signal_id END)
              ${REF_COLUMNS}, attempts, digest_seconds AS "digestSeconds"
       FROM heads WHERE next_attempt_at <= now() - make_interval(secs => $3::double precision / 1000)
       ORDER BY workspace_id, destination_id, CASE WHEN digest_seconds IS NULL THEN signal_id END
       LIMIT $2`,
      [workspaceId, limit, minAgeMs],
    );
    return result.rows;
  }
}

function describeFailure(result: SendResult): string {
  return result.error ?? (result.statusCode === undefined ? 'no response' : `HTTP ${result.statusCode}`);
}
