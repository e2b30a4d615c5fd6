import { ingestEvent } from '../worker/support/event-factory';
import { at, DAY0, DAY1, SignalScenario } from './support/signal-scenario';

interface DestinationRow {
  readonly type: string;
  readonly kinds?: string[] | null;
  readonly segments?: string[] | null;
  readonly enabled?: boolean;
}

describe('the signal outbox: deliveries rows by destination filter, and retention (real PostgreSQL)', () => {
  const scenario = new SignalScenario();
  const destinations = new Map<string, string>();
  afterAll(() => scenario.close());

  async function destination(name: string, row: DestinationRow): Promise<void> {
    const result = await scenario.pool.query<{ id: string }>(
      `INSERT INTO destinations (workspace_id, type, url, kinds, segments, enabled)
       VALUES ($1, $2, 'http://127.0.0.1:9/hook', $3, $4, $5) RETURNING id::text AS id`,
      [scenario.workspaceId, row.type, row.kinds ?? null, row.segments ?? null, row.enabled ?? true],
    );
    destinations.set(result.rows[0].id, name);
  }

  /** Per destination name: `kind subject_key` of its deliveries rows, in seq order. */
  async function deliveries(): Promise<Record<string, string[]>> {
    const result = await scenario.pool.query<{
      destination_id: string;
      kind: string;
      subject_key: string;
      status: string;
      same_seq: boolean;
    }>(
      `SELECT d.destination_id::text, s.kind, d.subject_key, d.status, d.seq = s.seq AS same_seq
       FROM deliveries d JOIN signals s ON s.workspace_id = d.workspace_id AND s.id = d.signal_id
       WHERE d.workspace_id = $1 ORDER BY d.destination_id, d.seq`,
      [scenario.workspaceId],
    );
    const byName: Record<string, string[]> = {};
    for (const row of result.rows) {
      expect([row.status, row.same_seq]).toEqual(['pending', true]);
      (byName[destinations.get(row.destination_id)!] ??= []).push(`${row.kind} ${row.subject_key}`);
    }
    return byName;
  }

  beforeAll(async () => {
    await scenario.create();
    await destination('all', { type: 'webhook' });
    await destination('entries on Slack', { type: 'slack', kinds: ['segment_entered'] });
    await destination('Engaged only', {
      type: 'webhook',
      segments: ['Engaged'],
      kinds: ['score_changed', 'segment_entered', 'trait_changed'],
    });
    await destination('Dormant only', { type: 'webhook', segments: ['Dormant'] });
    await destination('disabled', { type: 'slack', kinds: ['activated'], enabled: false });
    await destination('Engaged exits', { type: 'webhook', kinds: ['segment_exited'], segments: ['Engaged'] });
    await destination('reverse sync', { type: 'segment' });
    await destination('crm', { type: 'hubspot' });
    await scenario.firstDay();
    await scenario.score(at(DAY0));
    await scenario.secondDay();
    await scenario.score(at(DAY1));
  });

  it('queues each new signal for the webhook and Slack destinations whose kinds and segments take it', async () => {
    const acme = `account:${await scenario.accountId('acme')}`;
    const u1 = `user:${await scenario.userId('u1')}`;
    expect(await deliveries()).toEqual({
      all: [
        `activated ${acme}`,
        `activated ${u1}`,
        `feature_first_used ${acme}`,
        `feature_first_used ${u1}`,
        `score_changed ${acme}`,
        `score_changed ${u1}`,
        `segment_entered ${acme}`,
      ],
      'entries on Slack': [`segment_entered ${acme}`],
      // acme is in Engaged now, and so is u1 through acme.
      'Engaged only': [`score_changed ${acme}`, `score_changed ${u1}`, `segment_entered ${acme}`],
      disabled: [`activated ${acme}`, `activated ${u1}`],
    });
  });

  it('queues the roll-up signals the same way, a user subject through its accounts', async () => {
    const time = at(DAY1, '14:00:00').toISOString();
    // u3's first traits introduce it (silent); the call below changes them.
    await scenario.apply([
      ingestEvent({ type: 'identify', userId: 'u3', traits: { status: 'trial' }, timestamp: at(DAY1, '13:00:00').toISOString() }),
    ]);
    const outcome = await scenario.apply([
      ingestEvent({ type: 'identify', userId: 'u1', traits: { status: 'churn-risk' }, timestamp: time }),
      ingestEvent({ type: 'identify', userId: 'u3', traits: { status: 'new' }, timestamp: time }),
    ]);
    expect(outcome.signals).toBe(2);
    const u1 = `user:${await scenario.userId('u1')}`;
    const u3 = `user:${await scenario.userId('u3')}`;
    const queued = await deliveries();
    expect(queued.all.slice(-2)).toEqual([`trait_changed ${u1}`, `trait_changed ${u3}`]);
    // u3 belongs to no account, so to no segment.
    expect(queued['Engaged only'].slice(-1)).toEqual([`trait_changed ${u1}`]);
  });

  it('queues a segment_exited for a destination filtered on that segment, which the account has just left', async () => {
    await scenario.pool.query(`UPDATE segments SET rule = 'engagement_score > 100' WHERE workspace_id = $1`, [scenario.workspaceId]);
    const summary = await scenario.score(at(DAY1, '15:00:00'));
    expect(summary.segments).toEqual({ entered: 0, left: 2 });
    const acme = `account:${await scenario.accountId('acme')}`;
    const globex = `account:${await scenario.accountId('globex')}`;
    const queued = await deliveries();
    expect(queued['Engaged exits'].sort()).toEqual([`segment_exited ${acme}`, `segment_exited ${globex}`].sort());
    expect(queued['Dormant only']).toBeUndefined();
  });

  it("deletes signals, deliveries and attempts older than the workspace's retention in the run", async () => {
    const { pool, workspaceId } = scenario;
    await pool.query('UPDATE workspaces SET signal_retention_days = 30 WHERE workspace_id = $1', [workspaceId]);
    const now = at(DAY1, '16:00:00');
    const [destinationId] = destinations.keys();
    for (const [id, daysAgo, seq] of [
      ['retention-old', 31, 1],
      ['retention-young', 29, 2],
    ] as const) {
      const created = new Date(now.getTime() - daysAgo * 86_400_000);
      await pool.query(
        `INSERT INTO signals (workspace_id, id, kind, subject_type, subject_id, subject, occurred_at, data, created_at)
         VALUES ($1, $2, 'activated', 'account', 1, '{}', $3, '{}', $3)`,
        [workspaceId, id, created],
      );
      await pool.query(
        `INSERT INTO deliveries (workspace_id, destination_id, signal_id, seq, subject_key, created_at) VALUES ($1, $2, $3, $5, 'account:1', $4)`,
        [workspaceId, destinationId, id, created, seq],
      );
      await pool.query(
        `INSERT INTO delivery_attempts (workspace_id, destination_id, item, attempt, attempted_at, outcome, latency_ms)
         VALUES ($1, $2, $3, 1, $4, 'retry', 5)`,
        [workspaceId, destinationId, id, created],
      );
    }

    await scenario.score(now);

    const kept = async (table: string, column: string): Promise<string[]> =>
      (
        await pool.query(`SELECT ${column} AS item FROM ${table} WHERE workspace_id = $1 AND ${column} LIKE 'retention-%' ORDER BY 1`, [
          workspaceId,
        ])
      ).rows.map((row: { item: string }) => row.item);
    expect(await kept('signals', 'id')).toEqual(['retention-young']);
    expect(await kept('deliveries', 'signal_id')).toEqual(['retention-young']);
    expect(await kept('delivery_attempts', 'item')).toEqual(['retention-young']);
  });
});
