import type { SqlClient } from '@coil/database';
import type { DestinationSettings, DestinationType } from '../contracts/destination';

/** A destinations row; `secret` as stored (sealed when COIL_SECRET_KEY is set). */
export interface DestinationRecord {
  readonly workspaceId: string;
  readonly id: string;
  readonly type: DestinationType;
  readonly url: string;
  readonly kinds: string[] | null;
  readonly segments: string[] | null;
  readonly settings: DestinationSettings;
  readonly secret: string | null;
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  readonly disabledAt: Date | null;
  readonly failingSince: Date | null;
  readonly createdAt: Date;
}

export type NewDestination = Pick<DestinationRecord, 'type' | 'url' | 'kinds' | 'segments' | 'settings' | 'secret'>;

const COLUMNS = `workspace_id::text AS "workspaceId", id::text AS id, type, url, kinds, segments, settings, secret, enabled,
  disabled_reason AS "disabledReason", disabled_at AS "disabledAt", failing_since AS "failingSince", created_at AS "createdAt"`;

export class DestinationRepository {
  constructor(private readonly db: SqlClient) {}

  async insert(workspaceId: string, destination: NewDestination): Promise<DestinationRecord> {
    const result = await this.db.query<DestinationRecord>(
      `INSERT INTO destinations (workspace_id, type, url, kinds, segments, settings, secret)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [workspaceId, destination.type, destination.url, destination.kinds, destination.segments, destination.settings, destination.secret],
    );
    return result.rows[0];
  }

  async list(workspaceId: string): Promise<DestinationRecord[]> {
    const result = await this.db.query<DestinationRecord>(
      `SELECT ${COLUMNS} FROM destinations WHERE workspace_id = $1 ORDER BY destinations.id`,
      [workspaceId],
    );
    return result.rows;
  }

  async find(workspaceId: string, id: string): Promise<DestinationRecord | undefined> {
    const result = await this.db.query<DestinationRecord>(`SELECT ${COLUMNS} FROM destinations WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      id,
    ]);
    return result.rows[0];
  }

  /** Enabled reverse-sync destinations (segment, hubspot): each gets a sync after a scoring run. */
  async syncTargets(workspaceId: string): Promise<string[]> {
    const result = await this.db.query<{ id: string }>(
      `SELECT id::text AS id FROM destinations WHERE workspace_id = $1 AND enabled AND type IN ('segment', 'hubspot') ORDER BY destinations.id`,
      [workspaceId],
    );
    return result.rows.map((row) => row.id);
  }

  /** Deletes the destination with its deliveries, attempts and sync state. */
  async delete(workspaceId: string, id: string): Promise<DestinationRecord | undefined> {
    const result = await this.db.query<DestinationRecord>(
      `WITH gone_deliveries AS (DELETE FROM deliveries WHERE workspace_id = $1 AND destination_id = $2),
            gone_attempts AS (DELETE FROM delivery_attempts WHERE workspace_id = $1 AND destination_id = $2),
            gone_states AS (DELETE FROM destination_trait_states WHERE workspace_id = $1 AND destination_id = $2)
       DELETE FROM destinations WHERE workspace_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [workspaceId, id],
    );
    return result.rows[0];
  }

  /**
   * Enables the destination and makes its backlog due at once with a fresh retry schedule: an
   * operator enabling it means "try again now".
   */
  async enable(workspaceId: string, id: string): Promise<DestinationRecord | undefined> {
    const result = await this.db.query<DestinationRecord>(
      `WITH backlog AS (
         UPDATE deliveries SET attempts = 0, next_attempt_at = now()
         WHERE workspace_id = $1 AND destination_id = $2 AND status = 'pending'
       )
       UPDATE destinations SET enabled = true, disabled_reason = NULL, disabled_at = NULL, failing_since = NULL
       WHERE workspace_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [workspaceId, id],
    );
    return result.rows[0];
  }

  async disable(workspaceId: string, id: string, reason: string): Promise<DestinationRecord | undefined> {
    const result = await this.db.query<DestinationRecord>(
      `UPDATE destinations SET enabled = false, disabled_reason = $3, disabled_at = now()
       WHERE workspace_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [workspaceId, id, reason],
    );
    return result.rows[0];
  }

  /**
   * A failure starts a failing streak, or, when the streak has lasted `disableAfterMs`, disables
   * the destination with `reason`. True when this call disabled it.
   */
  async recordFailure(workspaceId: string, id: string, disableAfterMs: number, reason: string): Promise<boolean> {
    const result = await this.db.query<{ disabled: boolean }>(
      `WITH before AS (SELECT enabled, failing_since FROM destinations WHERE workspace_id = $1 AND id = $2),
            decision AS (
              SELECT enabled AND failing_since IS NOT NULL AND now() - failing_since >= make_interval(secs => $3::double precision / 1000) AS disable
              FROM before
            )
       UPDATE destinations d
       SET failing_since = coalesce(d.failing_since, now()),
           enabled = d.enabled AND NOT decision.disable,
           disabled_reason = CASE WHEN decision.disable THEN $4 ELSE d.disabled_reason END,
           disabled_at = CASE WHEN decision.disable THEN now() ELSE d.disabled_at END
       FROM decision WHERE d.workspace_id = $1 AND d.id = $2
       RETURNING decision.disable AS disabled`,
      [workspaceId, id, disableAfterMs, reason],
    );
    return result.rows[0]?.disabled ?? false;
  }
}
