import type { IngestEvent } from '@coil/domain';
import type { DeadLetter, DeadLetterSink } from '../dead-letter/dead-letter-queue';
import { InMemoryRollup } from '../testing/in-memory-rollup';
import { BatchRollup } from './batch-rollup';

const WORKSPACE = '1';
const DAY = '2026-10-01';
let messages = 0;

function identify(userId: string, traits: Record<string, unknown>, timestamp = `${DAY}T10:00:00.000Z`): IngestEvent {
  messages += 1;
  return { type: 'identify', messageId: `m-${messages}`, userId, traits, timestamp, receivedAt: timestamp };
}

function track(userId: string, event: string): IngestEvent {
  messages += 1;
  const timestamp = `${DAY}T10:00:00.000Z`;
  return { type: 'track', messageId: `m-${messages}`, userId, event, timestamp, receivedAt: timestamp };
}

const POISON = 'Exported\u0000';
const connectionLost = (): Error => Object.assign(new Error('Connection terminated unexpectedly'), { code: '08006' });

class CollectedLetters implements DeadLetterSink {
  readonly letters: DeadLetter[] = [];

  async send(letters: DeadLetter[]): Promise<void> {
    this.letters.push(...letters);
  }
}

describe('BatchRollup', () => {
  let store: InMemoryRollup;
  let sink: CollectedLetters;
  let rollup: BatchRollup;

  beforeEach(() => {
    store = new InMemoryRollup();
    sink = new CollectedLetters();
    rollup = new BatchRollup(store.unitOfWork, sink);
  });

  it('applies a clean job in one unit of work, and a redelivery of it not again', async () => {
    const events = [track('u1', 'Login'), track('u1', 'Login'), track('u2', 'Login')];

    const first = await rollup.rollupJob('job', { workspaceId: WORKSPACE, events });
    const again = await rollup.rollupJob('job', { workspaceId: WORKSPACE, events });

    expect(first).toEqual({ alreadyApplied: false, appliedEvents: 3, duplicateEvents: 0, deadLetteredEvents: 0, signals: 0 });
    expect(again).toEqual({ alreadyApplied: true, appliedEvents: 0, duplicateEvents: 0, deadLetteredEvents: 0, signals: 0 });
    expect(store.unitsOfWork()).toBe(2);
    expect(store.counts()).toEqual({ [`u1|Login|${DAY}`]: 2, [`u2|Login|${DAY}`]: 1 });
  });

  it('dead-letters invalid events at once, with their position in the job, and applies the rest', async () => {
    const invalid: IngestEvent = { ...track('u1', 'Login'), messageId: '' };
    const outcome = await rollup.rollupJob('job', {
      workspaceId: WORKSPACE,
      events: [track('u1', 'Login'), invalid, track('u2', 'Login')],
    });

    expect(outcome).toMatchObject({ appliedEvents: 2, deadLetteredEvents: 1 });
    expect(sink.letters).toEqual([
      { workspaceId: WORKSPACE, batchId: 'job', index: 1, reason: 'messageId is missing', event: invalid, failedAt: expect.any(String) },
    ]);
    expect(store.unitsOfWork()).toBe(1);
  });

  it('bisects around an event the database refuses: the good parts apply under part ids, the job is then claimed whole', async () => {
    const invalid: IngestEvent = { ...track('u1', 'Login'), messageId: '' };
    const events = [track('u1', 'A'), invalid, track('u2', 'B'), track('u3', POISON), track('u4', 'C')];

    const outcome = await rollup.rollupJob('job', { workspaceId: WORKSPACE, events });

    expect(outcome).toEqual({ alreadyApplied: false, appliedEvents: 3, duplicateEvents: 0, deadLetteredEvents: 2, signals: 0 });
    expect(sink.letters.map((letter) => [letter.index, letter.reason])).toEqual([
      [1, 'messageId is missing'],
      [3, 'invalid byte sequence for encoding "UTF8": 0x00'],
    ]);
    // Valid events are [A, B, poison, C]; the failed attempts (#0-4, #2-4, #2-3) were rolled back.
    expect(store.claimedBatches()).toEqual(['job#0-2', 'job#3-4', 'job']);
    expect(store.counts()).toEqual({ [`u1|A|${DAY}`]: 1, [`u2|B|${DAY}`]: 1, [`u4|C|${DAY}`]: 1 });
    expect(await rollup.rollupJob('job', { workspaceId: WORKSPACE, events })).toMatchObject({ alreadyApplied: true });
    expect(sink.letters).toHaveLength(3); // the retry re-sends only the invalid event (its letter id makes it a no-op)
  });

  it('lets a lost connection fail the attempt with nothing applied, and a retry after a crash mid-split apply each part once', async () => {
    const events = [track('u1', 'A'), track('u2', POISON), track('u3', 'B')];
    // Runs: 1 the whole job (poison), 2 part #0-1 (commits), 3 part #1-3 (poison), 4 part #1-2 (lost).
    store.failRun(4, connectionLost());

    await expect(rollup.rollupJob('job', { workspaceId: WORKSPACE, events })).rejects.toThrow('Connection terminated unexpectedly');
    expect(store.claimedBatches()).toEqual(['job#0-1']);
    expect(sink.letters).toEqual([]);

    const retried = await rollup.rollupJob('job', { workspaceId: WORKSPACE, events });

    expect(retried).toMatchObject({ appliedEvents: 1, deadLetteredEvents: 1 });
    expect(store.counts()).toEqual({ [`u1|A|${DAY}`]: 1, [`u3|B|${DAY}`]: 1 });
    expect(store.claimedBatches()).toEqual(['job#0-1', 'job#2-3', 'job']);
  });

  describe('trait_changed', () => {
    const BASELINE = new Date(`${DAY}T00:00:00.000Z`);

    it('signals each watched trait an identify call changed (not a first identify), once however often the job is delivered', async () => {
      store.setSignalsBaseline(BASELINE);
      await rollup.rollupJob('first', { workspaceId: WORKSPACE, events: [identify('u1', { plan: 'free', name: 'Ann' })] });
      const job = { workspaceId: WORKSPACE, events: [identify('u1', { plan: 'pro', seats: 3 }, `${DAY}T11:00:00.000Z`)] };

      const outcome = await rollup.rollupJob('second', job);
      await rollup.rollupJob('second', job);

      expect(outcome.signals).toBe(1);
      expect(store.signals().map((signal) => [signal.kind, signal.subject, signal.data, signal.occurred_at])).toEqual([
        [
          'trait_changed',
          { type: 'user', id: '2', external_id: 'u1', name: 'Ann' },
          { trait: 'plan', before: 'free', after: 'pro' },
          `${DAY}T11:00:00.000Z`,
        ],
      ]);
    });

    it('is silent without a baseline and for calls timestamped before it', async () => {
      await rollup.rollupJob('a', { workspaceId: WORKSPACE, events: [identify('u1', { plan: 'free' })] });
      store.setSignalsBaseline(new Date(`${DAY}T12:00:00.000Z`));
      const outcome = await rollup.rollupJob('b', { workspaceId: WORKSPACE, events: [identify('u1', { plan: 'pro' })] });
      expect(outcome.signals).toBe(0);
      expect(store.signals()).toEqual([]);
    });

    it('clears the baseline for a replayed job, which signals nothing', async () => {
      store.setSignalsBaseline(BASELINE);
      const outcome = await rollup.rollupJob('replay', { workspaceId: WORKSPACE, events: [identify('u1', { plan: 'pro' })], replay: true });
      expect(outcome.signals).toBe(0);
      expect(store.signalsBaselineAt()).toBeNull();
    });
  });
});
