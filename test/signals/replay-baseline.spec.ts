import { ingestEvent } from '../worker/support/event-factory';
import { at, DAY0, DAY1, SignalScenario } from './support/signal-scenario';

describe('a replay resets the signals baseline (real PostgreSQL)', () => {
  const scenario = new SignalScenario();
  afterAll(() => scenario.close());

  it('signals nothing for a replayed batch nor the run after it, which sets the baseline again', async () => {
    await scenario.create();
    await scenario.firstDay();
    await scenario.score(at(DAY0));
    expect(await scenario.baselineAt()).toEqual(at(DAY0));

    const time = at(DAY1, '08:00:00').toISOString();
    const replayed = await scenario.apply(
      [ingestEvent({ type: 'group', userId: 'u1', groupId: 'acme', traits: { plan: 'pro' }, timestamp: time })],
      {
        replay: true,
      },
    );
    expect(replayed).toMatchObject({ appliedEvents: 1, signals: 0 });
    expect(await scenario.baselineAt()).toBeNull();

    // acme is activated, uses Reports, gets hot and enters Engaged: all of it is the new baseline.
    await scenario.secondDay();
    const summary = await scenario.score(at(DAY1));
    expect(summary.signals).toBe(0);
    expect(await scenario.signals()).toEqual([]);
    expect(await scenario.baselineAt()).toEqual(at(DAY1));

    // From the new baseline on, changes signal again.
    const later = at(DAY1, '15:00:00').toISOString();
    const live = await scenario.apply([
      ingestEvent({ type: 'group', userId: 'u1', groupId: 'acme', traits: { plan: 'team' }, timestamp: later }),
    ]);
    expect(live.signals).toBe(1);
    expect((await scenario.signals()).map((signal) => signal.data)).toEqual([{ trait: 'plan', before: 'pro', after: 'team' }]);
  });
});
