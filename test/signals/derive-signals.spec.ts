import { signalId } from '@coil/signals';
import { createSettings } from '@coil/settings';
import { ingestEvent } from '../worker/support/event-factory';
import { at, DAY0, DAY1, SignalScenario } from './support/signal-scenario';

describe('signals derived by the scoring run and the roll-up (real PostgreSQL)', () => {
  const scenario = new SignalScenario();
  afterAll(() => scenario.close());

  beforeAll(async () => {
    await scenario.create();
    await scenario.firstDay();
  });

  it('sets the baseline silently on the first run: state recorded, no signal', async () => {
    const summary = await scenario.score(at(DAY0));

    expect(summary.signals).toBe(0);
    expect(await scenario.signals()).toEqual([]);
    expect(await scenario.baselineAt()).toEqual(at(DAY0));
    // globex used Reports and entered Engaged: recorded, so neither signals later.
    const firstUses = await scenario.pool.query(
      'SELECT subject_type, first_day::text FROM feature_first_uses WHERE workspace_id = $1 ORDER BY 1',
      [scenario.workspaceId],
    );
    expect(firstUses.rows).toEqual([
      { subject_type: 'account', first_day: DAY0 },
      { subject_type: 'user', first_day: DAY0 },
    ]);
    const members = await scenario.pool.query(
      'SELECT count(*)::int AS n FROM segment_memberships WHERE workspace_id = $1 AND left_at IS NULL',
      [scenario.workspaceId],
    );
    expect(members.rows[0].n).toBe(1);
  });

  it('signals exactly the transitions of the next run: activation, first use, trend and segment', async () => {
    await scenario.secondDay();
    const now = at(DAY1);
    const summary = await scenario.score(now);

    const acme = { type: 'account', id: await scenario.accountId('acme'), tracking_id: 'acme', name: 'Acme' } as const;
    const u1 = { type: 'user', id: await scenario.userId('u1'), external_id: 'u1', name: 'Ann' } as const;
    const segmentId = (await scenario.pool.query('SELECT id::text FROM segments WHERE workspace_id = $1', [scenario.workspaceId])).rows[0]
      .id;
    const featureId = (await scenario.pool.query('SELECT id::text FROM features WHERE workspace_id = $1', [scenario.workspaceId])).rows[0]
      .id;
    const occurred_at = now.toISOString();
    const checklist = { steps: ['Report Created'], required_users: null };
    const feature = { feature: { id: featureId, name: 'Reports' }, event: 'Report Created' };
    const signals = await scenario.signals();

    expect(signals.map(({ id: _id, ...signal }) => signal)).toEqual([
      { kind: 'activated', subject: acme, occurred_at, data: { checklist } },
      { kind: 'activated', subject: u1, occurred_at, data: { checklist } },
      { kind: 'feature_first_used', subject: acme, occurred_at, data: feature },
      { kind: 'feature_first_used', subject: u1, occurred_at, data: feature },
      { kind: 'score_changed', subject: acme, occurred_at, data: expect.objectContaining({ profile: 'default', trend: 'hot' }) },
      { kind: 'score_changed', subject: u1, occurred_at, data: expect.objectContaining({ profile: 'default', trend: 'hot' }) },
      { kind: 'segment_entered', subject: acme, occurred_at, data: { segment: { id: segmentId, name: 'Engaged' } } },
    ]);
    expect(summary.signals).toBe(7);
    const trend = signals[4].data as { before: number; after: number; change: number };
    expect(trend.after).toBeGreaterThanOrEqual(50);
    expect(trend.before + trend.change).toBeCloseTo(trend.after, 5);
    expect(signals.map((signal) => signal.id)).toEqual([
      signalId(scenario.workspaceId, 'activated', acme, DAY1),
      signalId(scenario.workspaceId, 'activated', u1, DAY1),
      signalId(scenario.workspaceId, 'feature_first_used', acme, `${DAY1}|${featureId}`),
      signalId(scenario.workspaceId, 'feature_first_used', u1, `${DAY1}|${featureId}`),
      signalId(scenario.workspaceId, 'score_changed', acme, DAY1),
      signalId(scenario.workspaceId, 'score_changed', u1, DAY1),
      signalId(scenario.workspaceId, 'segment_entered', acme, `${occurred_at}|${segmentId}`),
    ]);
  });

  it('creates none twice when the run is repeated', async () => {
    const before = await scenario.signals();
    const summary = await scenario.score(at(DAY1, '13:00:00'));
    expect(summary.signals).toBe(0);
    expect(await scenario.signals()).toEqual(before);
  });

  it('records the past uses of a feature created later silently', async () => {
    const before = await scenario.signals();
    await scenario.fixture.feature(scenario.workspaceId, 'Browsing', 1, ['Opened']);
    const summary = await scenario.score(at(DAY1, '13:30:00'));
    expect(summary.signals).toBe(0);
    expect(await scenario.signals()).toEqual(before);
    const recorded = await scenario.pool.query(
      `SELECT count(*)::int AS n FROM feature_first_uses ffu JOIN features f ON f.workspace_id = ffu.workspace_id AND f.id = ffu.feature_id
       WHERE ffu.workspace_id = $1 AND f.name = 'Browsing'`,
      [scenario.workspaceId],
    );
    expect(recorded.rows[0].n).toBe(4);
  });

  it('records the past uses of an event added to an existing feature silently', async () => {
    await scenario.fixture.feature(scenario.workspaceId, 'Exports', 1, ['Export Downloaded']);
    expect((await scenario.score(at(DAY1, '13:40:00'))).signals).toBe(0);
    const before = await scenario.signals();
    // Opened moves from Browsing (same weight, so no score moves): acme and globex used it long ago.
    await createSettings(scenario.pool).features.set({
      workspaceId: scenario.workspaceId,
      name: 'Exports',
      events: 'Export Downloaded,Opened',
      weight: 1,
      move: true,
    });
    expect((await scenario.score(at(DAY1, '13:50:00'))).signals).toBe(0);
    expect(await scenario.signals()).toEqual(before);
  });

  it('signals a watched trait changed by a group call, once however often the batch is applied', async () => {
    const before = (await scenario.signals()).length;
    const time = at(DAY1, '14:00:00').toISOString();
    const events = [
      ingestEvent({
        type: 'group',
        messageId: 'group-1',
        userId: 'u1',
        groupId: 'acme',
        traits: { plan: 'pro', seats: 5 },
        timestamp: time,
      }),
      ingestEvent({ type: 'identify', messageId: 'identify-1', userId: 'u1', traits: { title: 'CTO' }, timestamp: time }),
    ];

    const outcome = await scenario.apply(events, { batchId: 'traits-1' });
    const again = await scenario.apply(events, { batchId: 'traits-1' });
    const resent = await scenario.apply(events, { batchId: 'traits-2' });

    expect([outcome.signals, again.signals, resent.signals]).toEqual([1, 0, 0]);
    const signals = await scenario.signals();
    expect(signals).toHaveLength(before + 1);
    const acme = { type: 'account', id: await scenario.accountId('acme'), tracking_id: 'acme', name: 'Acme' } as const;
    expect(signals[before]).toEqual({
      id: signalId(scenario.workspaceId, 'trait_changed', acme, 'group-1|plan'),
      kind: 'trait_changed',
      subject: acme,
      occurred_at: time,
      data: { trait: 'plan', before: 'free', after: 'pro' },
    });
  });

  it("keeps a new subject's first traits silent and signals its later changes", async () => {
    const first = at(DAY1, '09:00:00').toISOString();
    const later = at(DAY1, '09:05:00').toISOString();
    const signup = await scenario.apply([
      ingestEvent({ type: 'identify', messageId: 'signup', userId: 'u9', traits: { plan: 'trial' }, timestamp: first }),
    ]);
    const upgrade = await scenario.apply([
      ingestEvent({ type: 'identify', messageId: 'upgrade', userId: 'u9', traits: { plan: 'pro' }, timestamp: later }),
    ]);
    expect([signup.signals, upgrade.signals]).toEqual([0, 1]);
    expect((await scenario.signals()).at(-1)).toMatchObject({
      kind: 'trait_changed',
      data: { trait: 'plan', before: 'trial', after: 'pro' },
    });
  });

  it('keeps a trait change timestamped before the baseline silent', async () => {
    const time = at(DAY0, '08:00:00').toISOString();
    const outcome = await scenario.apply([
      ingestEvent({ type: 'identify', userId: 'u2', traits: { plan: 'enterprise' }, timestamp: time }),
    ]);
    expect(outcome).toMatchObject({ appliedEvents: 1, signals: 0 });
  });
});
