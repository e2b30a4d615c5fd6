import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { IngestEvent } from '@coil/domain';
import { createBatchRollup, type BatchRollup, type DeadLetter, type DeadLetterSink } from '@coil/rollup';
import { ingestEvent, track } from './support/event-factory';
import { createWorkspace, testPool } from './support/worker-harness';

class CollectedDeadLetters implements DeadLetterSink {
  readonly letters: DeadLetter[] = [];

  async send(letters: DeadLetter[]): Promise<void> {
    this.letters.push(...letters);
  }
}

const DAY1 = '2026-10-01T10:00:00.000Z';
const DAY2 = '2026-10-02T10:00:00.000Z';

describe('roll-up semantics (real PostgreSQL)', () => {
  let pool: Pool;
  let rollup: BatchRollup;
  let deadLetters: CollectedDeadLetters;
  let workspaceId: string;

  beforeAll(() => {
    pool = testPool();
  });
  afterAll(() => pool.end());

  beforeEach(async () => {
    deadLetters = new CollectedDeadLetters();
    rollup = createBatchRollup(pool, deadLetters);
    workspaceId = await createWorkspace(pool, `rollup-semantics-${randomUUID()}`);
  });

  const apply = (events: IngestEvent[], batchId: string = randomUUID()) => rollup.rollupJob(batchId, { workspaceId, events });

  /** The attribution rule scoring uses: the account's own rows plus account-0 rows of its members. */
  async function accountTotal(trackingId: string): Promise<number> {
    const result = await pool.query<{ total: string | null }>(
      `SELECT sum(d.count)::text AS total
       FROM accounts a
       JOIN daily_counts d ON d.workspace_id = a.workspace_id
        AND (d.account_id = a.id
             OR (d.account_id = 0 AND EXISTS (SELECT 1 FROM memberships m
                  WHERE m.workspace_id = a.workspace_id AND m.account_id = a.id AND m.user_id = d.user_id)))
       WHERE a.workspace_id = $1 AND a.tracking_id = $2`,
      [workspaceId, trackingId],
    );
    return Number(result.rows[0].total ?? 0);
  }

  async function userOf(externalId: string) {
    const result = await pool.query(
      `SELECT u.id, u.external_id, u.identified, u.traits FROM user_aliases a
       JOIN users u ON u.workspace_id = a.workspace_id AND u.id = a.user_id
       WHERE a.workspace_id = $1 AND a.external_id = $2`,
      [workspaceId, externalId],
    );
    return result.rows[0];
  }

  it('attributes earlier events to an account when the group call arrives late', async () => {
    await apply([track('u1', 'Opened', DAY1), track('u1', 'Opened', DAY2), track('u2', 'Opened', DAY1)]);
    expect(await accountTotal('acme')).toBe(0);
    await apply([ingestEvent({ type: 'group', userId: 'u1', groupId: 'acme', timestamp: DAY2 })]);
    expect(await accountTotal('acme')).toBe(2);
  });

  it('counts an event naming an account for that account only', async () => {
    await apply([
      ingestEvent({ type: 'group', userId: 'u1', groupId: 'acme', timestamp: DAY1 }),
      ingestEvent({ type: 'group', userId: 'u1', groupId: 'globex', timestamp: DAY1 }),
      track('u1', 'Exported', DAY1, { groupId: 'globex' }),
    ]);
    expect(await accountTotal('globex')).toBe(1);
    expect(await accountTotal('acme')).toBe(0);
  });

  it('merges two ids into one person with their history on alias', async () => {
    await apply([track('old-id', 'Opened', DAY1), track('old-id', 'Opened', DAY2, { groupId: 'acme' }), track('new-id', 'Opened', DAY1)]);
    await apply([ingestEvent({ type: 'alias', previousId: 'old-id', userId: 'new-id', timestamp: DAY2 })]);
    const survivor = await userOf('new-id');
    expect((await userOf('old-id')).id).toBe(survivor.id);
    const rows = await pool.query(
      `SELECT user_id, account_id::text, to_char(day, 'YYYY-MM-DD') AS day, count FROM daily_counts
       WHERE workspace_id = $1 ORDER BY day, account_id`,
      [workspaceId],
    );
    expect(rows.rows.map((row) => [row.user_id, row.day, row.count])).toEqual([
      [survivor.id, '2026-10-01', 2],
      [survivor.id, '2026-10-02', 1],
    ]);
    const memberships = await pool.query('SELECT user_id FROM memberships WHERE workspace_id = $1', [workspaceId]);
    expect(memberships.rows).toEqual([{ user_id: survivor.id }]);
    const users = await pool.query('SELECT count(*)::int AS n FROM users WHERE workspace_id = $1', [workspaceId]);
    expect(users.rows[0].n).toBe(1);
  });

  it('keeps anonymous-only events on an unidentified user until an identify ties them to a userId', async () => {
    await apply([track('', 'Viewed Pricing Page', DAY1, { userId: undefined, anonymousId: 'anon-7' })]);
    expect(await userOf('anon-7')).toMatchObject({ external_id: 'anon-7', identified: false });
    await apply([ingestEvent({ type: 'identify', userId: 'u7', anonymousId: 'anon-7', timestamp: DAY2 })]);
    const person = await userOf('u7');
    expect(person).toMatchObject({ external_id: 'u7', identified: true });
    expect((await userOf('anon-7')).id).toBe(person.id);
    const counts = await pool.query('SELECT user_id, count FROM daily_counts WHERE workspace_id = $1', [workspaceId]);
    expect(counts.rows).toEqual([{ user_id: person.id, count: 1 }]);
  });

  it('merges traits by time: a late older identify fills gaps but does not overwrite', async () => {
    await apply([
      ingestEvent({
        type: 'identify',
        userId: 'u1',
        traits: { plan: 'paid', role: 'admin', createdAt: 1709287200 },
        timestamp: DAY2,
      }),
    ]);
    await apply([ingestEvent({ type: 'identify', userId: 'u1', traits: { plan: 'trial', email: 'a@acme.io' }, timestamp: DAY1 })]);
    // Later than the identify that set role: at the same instant the random messageIds would decide.
    await apply([ingestEvent({ type: 'identify', userId: 'u1', traits: { role: null }, timestamp: '2026-10-02T11:00:00.000Z' })]);
    expect((await userOf('u1')).traits).toEqual({
      plan: 'paid',
      email: 'a@acme.io',
      createdAt: '2024-03-01T10:00:00.000Z',
    });
  });

  it('mirrors account name and domain from group traits', async () => {
    await apply([
      ingestEvent({
        type: 'group',
        groupId: 'acme',
        traits: { name: 'Acme', domain: 'acme.io', created_at: '2024-03-01T10:00:00Z' },
        timestamp: DAY1,
      }),
    ]);
    const account = await pool.query('SELECT name, domain, traits FROM accounts WHERE workspace_id = $1', [workspaceId]);
    expect(account.rows[0]).toEqual({
      name: 'Acme',
      domain: 'acme.io',
      traits: { name: 'Acme', domain: 'acme.io', createdAt: '2024-03-01T10:00:00.000Z' },
    });
  });

  it('stores the same traits when two jobs of one user and one account are applied in reverse order', async () => {
    /** Amplitude's two identify and two group identify calls of the browser suite, as queued for `user` and `account`. */
    const calls = (user: string, account: string) => [
      [
        ingestEvent({
          type: 'identify',
          userId: user,
          traits: { plan: 'pro', legacy: 'x' },
          traitsIfAbsent: { first_plan: 'trial' },
          timestamp: DAY1,
        }),
        ingestEvent({
          type: 'group',
          groupId: account,
          traits: { name: 'Acme', tier: 'gold' },
          traitsIfAbsent: { signed_up: '2026-01-01' },
          timestamp: DAY1,
        }),
      ],
      [
        ingestEvent({
          type: 'identify',
          userId: user,
          traits: { plan: 'team', legacy: null },
          traitsIfAbsent: { first_plan: 'enterprise', source: 'ads' },
          timestamp: DAY2,
        }),
        ingestEvent({
          type: 'group',
          groupId: account,
          traits: { tier: null },
          traitsIfAbsent: { signed_up: '2027-05-05', region: 'eu' },
          timestamp: DAY2,
        }),
      ],
    ];
    const [first, second] = calls('in-order', 'acme-in-order');
    await apply(first);
    await apply(second);
    const [earlier, later] = calls('reversed', 'acme-reversed');
    await apply(later);
    await apply(earlier);

    const rows = await pool.query<{ key: string; traits: Record<string, unknown>; traits_at: Date; trait_clock: Record<string, unknown> }>(
      `SELECT external_id AS key, traits, traits_at, trait_clock FROM users WHERE workspace_id = $1
       UNION ALL SELECT tracking_id, traits, traits_at, trait_clock FROM accounts WHERE workspace_id = $1 ORDER BY 1`,
      [workspaceId],
    );
    const stored = Object.fromEntries(rows.rows.map((row) => [row.key, row]));
    const userTraits = { plan: 'team', first_plan: 'trial', source: 'ads' };
    const accountTraits = { name: 'Acme', signed_up: '2026-01-01', region: 'eu' };
    expect(stored['in-order'].traits).toEqual(userTraits);
    expect(stored.reversed.traits).toEqual(userTraits);
    expect(stored['acme-in-order'].traits).toEqual(accountTraits);
    expect(stored['acme-reversed'].traits).toEqual(accountTraits);
    for (const row of rows.rows) expect(row.traits_at).toEqual(new Date(DAY2));
    // The removed key keeps its tombstone in trait_clock: what kept the older $set from bringing it back.
    expect(stored.reversed.trait_clock.legacy).toEqual({ at: Date.parse(DAY2), id: later[0].messageId, removed: true });
  });

  it('counts a messageId once across jobs, and a job applied twice once', async () => {
    const event = track('u1', 'Opened', DAY1);
    const batchId = randomUUID();
    const first = await apply([event, track('u1', 'Opened', DAY1)], batchId);
    const again = await apply([event, track('u1', 'Opened', DAY1)], batchId);
    const resent = await apply([{ ...event, receivedAt: new Date().toISOString() }]);
    expect(first).toMatchObject({ alreadyApplied: false, appliedEvents: 2 });
    expect(again).toMatchObject({ alreadyApplied: true, appliedEvents: 0 });
    expect(resent).toMatchObject({ appliedEvents: 0, duplicateEvents: 1 });
    const counts = await pool.query('SELECT sum(count)::int AS n FROM daily_counts WHERE workspace_id = $1', [workspaceId]);
    expect(counts.rows[0].n).toBe(2);
  });

  it('dead-letters an event the database rejects and applies the rest of its batch', async () => {
    const events = Array.from({ length: 9 }, (_, i) => track(`u${i}`, 'Opened', DAY1));
    events[6] = track('u6', 'Bad\u0000Name', DAY1);
    const outcome = await apply(events);
    expect(outcome).toMatchObject({ appliedEvents: 8, deadLetteredEvents: 1 });
    expect(deadLetters.letters.map((letter) => letter.index)).toEqual([6]);
    const counts = await pool.query('SELECT sum(count)::int AS n FROM daily_counts WHERE workspace_id = $1', [workspaceId]);
    expect(counts.rows[0].n).toBe(8);
  });
});
