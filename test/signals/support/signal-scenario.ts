import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { IngestEvent } from '@coil/domain';
import { createBatchRollup, type BatchRollup, type DeadLetterSink, type JobOutcome } from '@coil/rollup';
import { createScoringRunner, type ScoringRunner, type ScoringRunSummary } from '@coil/scoring-pass';
import { ActivationChecklistRepository, SegmentRepository } from '@coil/settings';
import type { Signal } from '@coil/signals';
import { ScoringFixture } from '../../scoring/support/scoring-fixture';
import { ingestEvent, track } from '../../worker/support/event-factory';
import { createWorkspace } from '../../worker/support/worker-harness';

/** The baseline run's day, and a day 35 days later: its change is judged against the first's rows. */
export const DAY0 = '2026-10-02';
export const DAY1 = '2026-11-06';
export const at = (day: string, time = '12:00:00'): Date => new Date(`${day}T${time}.000Z`);

const noDeadLetters: DeadLetterSink = {
  send: async (letters) => {
    if (letters.length > 0) throw new Error(`unexpected dead letters: ${JSON.stringify(letters)}`);
  },
};

/** A signal as a test compares it: without the id (checked on its own) and workspace. */
export type SignalView = Pick<Signal, 'kind' | 'subject' | 'occurred_at' | 'data'>;

/**
 * One workspace through the real roll-up and scoring run: accounts `acme` (user u1) and
 * `globex` (user u2), a segment Engaged (score >= 50), a feature Reports and an activation
 * checklist of one Report Created. No suggested segments, so the only segment is ours.
 */
export class SignalScenario {
  readonly fixture = new ScoringFixture();
  readonly pool: Pool = this.fixture.pool;
  readonly runner: ScoringRunner = createScoringRunner(this.pool);
  readonly rollup: BatchRollup = createBatchRollup(this.pool, noDeadLetters);
  workspaceId = '';

  async create(): Promise<void> {
    this.workspaceId = await createWorkspace(this.pool, `signals-${randomUUID()}`);
    await this.pool.query('UPDATE workspaces SET suggested_segments_at = now() WHERE workspace_id = $1', [this.workspaceId]);
    await new SegmentRepository(this.pool).insert(this.workspaceId, 'Engaged', 'engagement_score >= 50');
    await this.fixture.feature(this.workspaceId, 'Reports', 3, ['Report Created']);
    await new ActivationChecklistRepository(this.pool).set(this.workspaceId, {
      steps: [{ kind: 'event', name: 'Report Created', minCount: 1 }],
      requiredUsers: null,
    });
  }

  /** Day 0: both users and accounts exist, only globex is active (and activated, and in Engaged). */
  async firstDay(): Promise<void> {
    const time = at(DAY0, '09:00:00').toISOString();
    await this.apply([
      ingestEvent({ type: 'identify', userId: 'u1', traits: { name: 'Ann', plan: 'free' }, timestamp: time }),
      ingestEvent({ type: 'group', userId: 'u1', groupId: 'acme', traits: { name: 'Acme', plan: 'free' }, timestamp: time }),
      ingestEvent({ type: 'identify', userId: 'u2', traits: { name: 'Bob' }, timestamp: time }),
      ingestEvent({ type: 'group', userId: 'u2', groupId: 'globex', traits: { name: 'Globex' }, timestamp: time }),
      ...this.reportsUsed('u2', 'globex', time),
    ]);
  }

  /** Day 1: acme and globex equally active, acme for the first time. */
  async secondDay(): Promise<void> {
    const time = at(DAY1, '09:00:00').toISOString();
    await this.apply([...this.reportsUsed('u1', 'acme', time), ...this.reportsUsed('u2', 'globex', time)]);
  }

  private reportsUsed(userId: string, groupId: string, timestamp: string): IngestEvent[] {
    return [track(userId, 'Report Created', timestamp, { groupId }), track(userId, 'Opened', timestamp, { groupId })];
  }

  apply(events: IngestEvent[], options: { batchId?: string; replay?: boolean } = {}): Promise<JobOutcome> {
    return this.rollup.rollupJob(options.batchId ?? randomUUID(), { workspaceId: this.workspaceId, events, replay: options.replay });
  }

  score(now: Date): Promise<ScoringRunSummary> {
    return this.runner.scoreWorkspace(this.workspaceId, now);
  }

  async signals(): Promise<(SignalView & { id: string })[]> {
    const result = await this.pool.query<SignalView & { id: string }>(
      `SELECT id, kind, subject, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, data
       FROM signals WHERE workspace_id = $1 ORDER BY seq`,
      [this.workspaceId],
    );
    return result.rows;
  }

  async accountId(trackingId: string): Promise<string> {
    const result = await this.pool.query<{ id: string }>(
      'SELECT id::text AS id FROM accounts WHERE workspace_id = $1 AND tracking_id = $2',
      [this.workspaceId, trackingId],
    );
    return result.rows[0].id;
  }

  async userId(externalId: string): Promise<string> {
    const result = await this.pool.query<{ id: string }>('SELECT id::text AS id FROM users WHERE workspace_id = $1 AND external_id = $2', [
      this.workspaceId,
      externalId,
    ]);
    return result.rows[0].id;
  }

  async baselineAt(): Promise<Date | null> {
    const result = await this.pool.query<{ at: Date | null }>('SELECT signals_baseline_at AS at FROM workspaces WHERE workspace_id = $1', [
      this.workspaceId,
    ]);
    return result.rows[0].at;
  }

  close(): Promise<void> {
    return this.fixture.close();
  }
}
