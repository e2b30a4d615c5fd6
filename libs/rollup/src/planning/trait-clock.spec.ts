import { seededRandom, type Traits } from '@coil/domain';
import { combineStoredTraits, mergeTraits, NO_TRAITS, type StoredTraits, type TraitUpdate } from './merge-traits';
import { MAX_ONCE_CANDIDATES } from './trait-clock';

/**
 * What trait updates mean, written plainly: apply them one by one in time order (then messageId
 * order), each call's $set/$unset (`traits`, null removes) before its $setOnce (`traitsIfAbsent`,
 * only where the key is missing).
 */
function inTimeOrder(start: Traits, updates: readonly TraitUpdate[]): Traits {
  const traits: Traits = { ...start };
  const sorted = [...updates].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0),
  );
  for (const update of sorted) {
    for (const [key, value] of Object.entries(update.traits)) {
      if (value === null) delete traits[key];
      else traits[key] = value;
    }
    for (const [key, value] of Object.entries(update.traitsIfAbsent ?? {})) {
      if (value !== null && !Object.hasOwn(traits, key)) traits[key] = value;
    }
  }
  return traits;
}

const KEYS = ['plan', 'role', 'seats'];
const T0 = Date.parse('2026-03-01T00:00:00Z');

/** Calls over a few keys at a few times (ties frequent), messageIds unrelated to time order, values unique per call. */
function randomUpdates(random: () => number, count: number): TraitUpdate[] {
  return Array.from({ length: count }, (_, i) => {
    const update: TraitUpdate = {
      traits: {},
      traitsIfAbsent: {},
      at: new Date(T0 + Math.floor(random() * 3) * 1000),
      messageId: `m${Math.floor(random() * 100)}-${i}`,
    };
    for (const key of KEYS) {
      const roll = random();
      if (roll < 0.3) update.traits[key] = `${key}-set-${i}`;
      else if (roll < 0.5) update.traits[key] = null;
      if (random() < 0.35) update.traitsIfAbsent![key] = `${key}-once-${i}`;
    }
    return update;
  });
}

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const newest = (updates: readonly TraitUpdate[]) => new Date(Math.max(...updates.map((update) => update.at.getTime())));
const applyInArrivalOrder = (start: StoredTraits, updates: readonly TraitUpdate[]) => updates.reduce(mergeTraits, start);

describe('trait clock: any order, any number of times, gives the time-order traits', () => {
  it('every order of 2 to 5 calls', () => {
    for (let seed = 1; seed <= 250; seed += 1) {
      const random = seededRandom(seed);
      const updates = randomUpdates(random, 2 + (seed % 4));
      const expected = inTimeOrder({}, updates);
      const first = applyInArrivalOrder(NO_TRAITS, updates);
      for (const order of permutations(updates)) {
        const stored = applyInArrivalOrder(NO_TRAITS, order);
        expect({ seed, traits: stored.traits }).toEqual({ seed, traits: expected });
        // The whole state converges, clock included, not only what shows.
        expect(stored).toEqual(first);
      }
      expect(first.traitsAt).toEqual(newest(updates));
    }
  });

  it('random orders of up to 7 calls with replays and duplicates', () => {
    for (let seed = 1000; seed < 1400; seed += 1) {
      const random = seededRandom(seed);
      const updates = randomUpdates(random, 1 + (seed % 7));
      const replays = updates.filter(() => random() < 0.5);
      const expected = inTimeOrder({}, updates);
      for (let run = 0; run < 10; run += 1) {
        const stored = applyInArrivalOrder(NO_TRAITS, shuffled(random, [...updates, ...replays, ...replays]));
        expect({ seed, traits: stored.traits }).toEqual({ seed, traits: expected });
        expect(stored.traitsAt).toEqual(newest(updates));
      }
    }
  });

  it('from a row written before the clock: its keys count as set at its traits_at (messageId "")', () => {
    for (let seed = 2000; seed < 2200; seed += 1) {
      const random = seededRandom(seed);
      const legacyAt = new Date(T0 + 1000);
      const legacyTraits = Object.fromEntries(KEYS.filter(() => random() < 0.6).map((key) => [key, `${key}-legacy`]));
      const updates = randomUpdates(random, 2 + (seed % 4));
      const expected = inTimeOrder({}, [{ traits: legacyTraits, at: legacyAt, messageId: '' }, ...updates]);
      for (const order of permutations(updates)) {
        const stored = applyInArrivalOrder({ traits: legacyTraits, clock: {}, traitsAt: legacyAt }, order);
        expect({ seed, traits: stored.traits }).toEqual({ seed, traits: expected });
      }
    }
  });

  it('people merged (combineStoredTraits) end as if all their calls had been applied to one row', () => {
    for (let seed = 3000; seed < 3300; seed += 1) {
      const random = seededRandom(seed);
      const updates = randomUpdates(random, 2 + (seed % 6));
      const rows = [0, 1, 2].map((row) =>
        applyInArrivalOrder(
          NO_TRAITS,
          shuffled(
            random,
            updates.filter((_, i) => i % 3 === row),
          ),
        ),
      );
      const later = randomUpdates(random, 2).map((update, i) => ({ ...update, messageId: `later-${i}` }));
      const combined = applyInArrivalOrder(combineStoredTraits(shuffled(random, rows)), later);
      expect({ seed, traits: combined.traits }).toEqual({ seed, traits: inTimeOrder({}, [...updates, ...later]) });
    }
  });
});

describe('trait clock: the bugs it fixes, and its bounds', () => {
  const once = (second: number, value: string): TraitUpdate => ({
    traits: {},
    traitsIfAbsent: { plan: value },
    at: new Date(T0 + second * 1000),
    messageId: `m${second}`,
  });

  it('an $unset applied before an older $set of the same key keeps the key removed', () => {
    const set = { traits: { plan: 'pro' }, at: new Date(T0), messageId: 'm1' };
    const unset = { traits: { plan: null }, at: new Date(T0 + 1000), messageId: 'm2' };
    expect(applyInArrivalOrder(NO_TRAITS, [unset, set]).traits).toEqual({});
    expect(applyInArrivalOrder(NO_TRAITS, [set, unset]).traits).toEqual({});
  });

  it('a $setOnce keeps the earliest value sent, not the first applied', () => {
    expect(applyInArrivalOrder(NO_TRAITS, [once(2, 'second'), once(1, 'first')]).traits).toEqual({ plan: 'first' });
  });

  it('a late $unset reveals the earliest $setOnce after it, even one that arrived behind an earlier one', () => {
    const unset = { traits: { plan: null }, at: new Date(T0 + 4000), messageId: 'm4' };
    expect(applyInArrivalOrder(NO_TRAITS, [once(3, 'before'), once(5, 'after'), unset]).traits).toEqual({ plan: 'after' });
  });

  it(`keeps at most ${MAX_ONCE_CANDIDATES} pending $setOnce calls of a key, the earliest`, () => {
    const calls = Array.from({ length: MAX_ONCE_CANDIDATES + 4 }, (_, i) => once(i + 1, `v${i + 1}`));
    const stored = applyInArrivalOrder(NO_TRAITS, shuffled(seededRandom(7), calls));
    expect(stored.traits).toEqual({ plan: 'v1' });
    expect(stored.clock.plan.once?.map((candidate) => candidate.value)).toEqual(
      calls.slice(0, MAX_ONCE_CANDIDATES).map((call) => call.traitsIfAbsent!.plan),
    );
  });
});
