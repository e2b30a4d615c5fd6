import { applyTraitUpdates, combineStoredTraits, mergeTraits, NO_TRAITS } from './merge-traits';

const at = (iso: string) => new Date(iso);
/** A row written before trait clocks existed: no clock entries. */
const legacy = (traits: Record<string, unknown>, traitsAt: Date | null) => ({ traits, clock: {}, traitsAt });

describe('mergeTraits', () => {
  it('lets a newer update win key by key and null remove a key', () => {
    const stored = legacy({ plan: 'trial', role: 'admin', seats: 3 }, at('2026-01-01T00:00:00Z'));
    const merged = mergeTraits(stored, { traits: { plan: 'paid', role: null }, at: at('2026-01-02T00:00:00Z'), messageId: 'm2' });
    const t1 = at('2026-01-01T00:00:00Z').getTime();
    const t2 = at('2026-01-02T00:00:00Z').getTime();
    expect(merged).toEqual({
      traits: { plan: 'paid', seats: 3 },
      // The removed key keeps a tombstone; the untouched legacy key its time of before (traits_at, id '').
      clock: { plan: { at: t2, id: 'm2' }, role: { at: t2, id: 'm2', removed: true }, seats: { at: t1, id: '' } },
      traitsAt: at('2026-01-02T00:00:00Z'),
    });
  });

  it('lets a late older update set only keys not written since: a legacy key counts as set at traits_at', () => {
    const stored = legacy({ plan: 'paid', role: 'admin' }, at('2026-01-05T00:00:00Z'));
    const merged = mergeTraits(stored, {
      traits: { plan: 'trial', role: null, email: 'a@b.c' },
      at: at('2026-01-01T00:00:00Z'),
      messageId: 'm1',
    });
    expect(merged.traits).toEqual({ plan: 'paid', role: 'admin', email: 'a@b.c' });
    expect(merged.traitsAt).toEqual(at('2026-01-05T00:00:00Z'));
  });

  it('never brings back a key removed later: the $unset leaves a tombstone', () => {
    const removed = mergeTraits(NO_TRAITS, { traits: { plan: 'pro', role: null }, at: at('2026-01-02T00:00:00Z'), messageId: 'm2' });
    const late = mergeTraits(removed, { traits: { role: 'admin', seats: 2 }, at: at('2026-01-01T00:00:00Z'), messageId: 'm1' });
    expect(late.traits).toEqual({ plan: 'pro', seats: 2 });
    expect(late.traitsAt).toEqual(at('2026-01-02T00:00:00Z'));
  });

  it('keeps a legacy key at its old traits_at when a newer update of other keys moves traits_at', () => {
    const stored = legacy({ plan: 'trial' }, at('2026-01-05T00:00:00Z'));
    const newer = mergeTraits(stored, { traits: { seats: 3 }, at: at('2026-01-10T00:00:00Z'), messageId: 'm10' });
    const late = mergeTraits(newer, { traits: { plan: 'paid' }, at: at('2026-01-07T00:00:00Z'), messageId: 'm7' });
    expect(late.traits).toEqual({ plan: 'paid', seats: 3 });
    expect(late.traitsAt).toEqual(at('2026-01-10T00:00:00Z'));
  });

  it('counts the legacy keys of a row with no traits_at as set at time 0', () => {
    const merged = mergeTraits(legacy({ plan: 'trial' }, null), {
      traits: { plan: 'paid' },
      at: at('1999-01-01T00:00:00Z'),
      messageId: 'm',
    });
    expect(merged.traits).toEqual({ plan: 'paid' });
  });

  it("sets traitsIfAbsent keys only where the row lacks them, after the update's own traits", () => {
    const stored = legacy({ plan: 'trial', gone: 1 }, at('2026-01-01T00:00:00Z'));
    const update = {
      messageId: 'm2',
      traits: { seats: 3, gone: null },
      traitsIfAbsent: { plan: 'paid', firstSeen: '2026-01-02', seats: 9, gone: 'back', empty: null },
      at: at('2026-01-02T00:00:00Z'),
    };
    const merged = mergeTraits(stored, update);
    expect(merged.traits).toEqual({ plan: 'trial', seats: 3, firstSeen: '2026-01-02', gone: 'back' });
    expect(merged.traitsAt).toEqual(at('2026-01-02T00:00:00Z'));
    // Applied again (a replay, a duplicate that got through): nothing changes.
    expect(mergeTraits(merged, update)).toEqual(merged);
    // A later set-once of the same key keeps the first value; a late older one is the earliest sent, so it wins
    // (before trait clocks it only filled missing keys: whichever $setOnce was applied first stayed).
    const onceAt = (iso: string, messageId: string, traitsIfAbsent: Record<string, unknown>) => ({
      traits: {},
      traitsIfAbsent,
      at: at(iso),
      messageId,
    });
    expect(mergeTraits(merged, onceAt('2026-02-01T00:00:00Z', 'm3', { firstSeen: '2026-02-01' })).traits.firstSeen).toBe('2026-01-02');
    expect(mergeTraits(merged, onceAt('2025-01-01T00:00:00Z', 'm0', { firstSeen: 'x', tz: 'UTC' })).traits).toEqual({
      ...merged.traits,
      firstSeen: 'x',
      tz: 'UTC',
    });
  });

  it('applies a batch of updates in time order whatever their arrival order', () => {
    const merged = applyTraitUpdates(NO_TRAITS, [
      { traits: { plan: 'paid' }, at: at('2026-01-03T00:00:00Z'), messageId: 'm3' },
      { traits: { plan: 'trial', seats: 1 }, at: at('2026-01-01T00:00:00Z'), messageId: 'm1' },
    ]);
    expect(merged.traits).toEqual({ plan: 'paid', seats: 1 });
    expect(merged.traitsAt).toEqual(at('2026-01-03T00:00:00Z'));
  });

  it('combines merged legacy people: the most recently updated row wins key by key', () => {
    const combined = combineStoredTraits([
      legacy({ name: 'Old', email: 'old@x.io' }, at('2026-01-01T00:00:00Z')),
      legacy({ name: 'New' }, at('2026-02-01T00:00:00Z')),
      legacy({}, null),
    ]);
    expect(combined.traits).toEqual({ name: 'New', email: 'old@x.io' });
    expect(combined.traitsAt).toEqual(at('2026-02-01T00:00:00Z'));
  });

  it('combines clocks: a tombstone of one row removes an older value of another, the earliest $setOnce after it shows', () => {
    const a = applyTraitUpdates(NO_TRAITS, [
      { traits: { plan: 'pro' }, at: at('2026-01-01T00:00:00Z'), messageId: 'a1' },
      { traits: {}, traitsIfAbsent: { plan: 'late-once' }, at: at('2026-01-09T00:00:00Z'), messageId: 'a9' },
    ]);
    const b = applyTraitUpdates(NO_TRAITS, [
      { traits: { plan: null }, at: at('2026-01-05T00:00:00Z'), messageId: 'b5' },
      { traits: {}, traitsIfAbsent: { plan: 'early-once' }, at: at('2026-01-03T00:00:00Z'), messageId: 'b3' },
    ]);
    expect(a.traits).toEqual({ plan: 'pro' });
    expect(b.traits).toEqual({});
    expect(combineStoredTraits([a, b]).traits).toEqual({ plan: 'late-once' });
    expect(combineStoredTraits([b, a])).toEqual(combineStoredTraits([a, b]));
  });
});
