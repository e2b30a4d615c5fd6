import { applyTraitUpdates, combineStoredTraits, mergeTraits } from './merge-traits';

const at = (iso: string) => new Date(iso);

describe('mergeTraits', () => {
  it('lets a newer update win key by key and null remove a key', () => {
    const stored = { traits: { plan: 'trial', role: 'admin', seats: 3 }, traitsAt: at('2026-01-01T00:00:00Z') };
    const merged = mergeTraits(stored, { traits: { plan: 'paid', role: null }, at: at('2026-01-02T00:00:00Z') });
    expect(merged).toEqual({ traits: { plan: 'paid', seats: 3 }, traitsAt: at('2026-01-02T00:00:00Z') });
  });

  it('lets a late older update fill missing keys only, never overwrite or remove', () => {
    const stored = { traits: { plan: 'paid', role: 'admin' }, traitsAt: at('2026-01-05T00:00:00Z') };
    const merged = mergeTraits(stored, {
      traits: { plan: 'trial', role: null, email: 'a@b.c' },
      at: at('2026-01-01T00:00:00Z'),
    });
    expect(merged).toEqual({
      traits: { plan: 'paid', role: 'admin', email: 'a@b.c' },
      traitsAt: at('2026-01-05T00:00:00Z'),
    });
  });

  it("sets traitsIfAbsent keys only where the row lacks them, after the update's own traits", () => {
    const stored = { traits: { plan: 'trial', gone: 1 }, traitsAt: at('2026-01-01T00:00:00Z') };
    const update = {
      traits: { seats: 3, gone: null },
      traitsIfAbsent: { plan: 'paid', firstSeen: '2026-01-02', seats: 9, gone: 'back', empty: null },
      at: at('2026-01-02T00:00:00Z'),
    };
    const merged = mergeTraits(stored, update);
    expect(merged).toEqual({
      traits: { plan: 'trial', seats: 3, firstSeen: '2026-01-02', gone: 'back' },
      traitsAt: at('2026-01-02T00:00:00Z'),
    });
    // Applied again (a replay, a duplicate that got through): nothing changes.
    expect(mergeTraits(merged, update).traits).toEqual(merged.traits);
    // A later set-once of the same key keeps the first value; a late older one fills only what is missing.
    expect(
      mergeTraits(merged, { traits: {}, traitsIfAbsent: { firstSeen: '2026-02-01' }, at: at('2026-02-01T00:00:00Z') }).traits.firstSeen,
    ).toBe('2026-01-02');
    expect(
      mergeTraits(merged, { traits: {}, traitsIfAbsent: { firstSeen: 'x', tz: 'UTC' }, at: at('2025-01-01T00:00:00Z') }).traits,
    ).toEqual({
      ...merged.traits,
      tz: 'UTC',
    });
  });

  it('applies a batch of updates in time order whatever their arrival order', () => {
    const merged = applyTraitUpdates({ traits: {}, traitsAt: null }, [
      { traits: { plan: 'paid' }, at: at('2026-01-03T00:00:00Z') },
      { traits: { plan: 'trial', seats: 1 }, at: at('2026-01-01T00:00:00Z') },
    ]);
    expect(merged.traits).toEqual({ plan: 'paid', seats: 1 });
    expect(merged.traitsAt).toEqual(at('2026-01-03T00:00:00Z'));
  });

  it('combines merged people: the most recently updated row wins', () => {
    const combined = combineStoredTraits([
      { traits: { name: 'Old', email: 'old@x.io' }, traitsAt: at('2026-01-01T00:00:00Z') },
      { traits: { name: 'New' }, traitsAt: at('2026-02-01T00:00:00Z') },
      { traits: {}, traitsAt: null },
    ]);
    expect(combined).toEqual({ traits: { name: 'New', email: 'old@x.io' }, traitsAt: at('2026-02-01T00:00:00Z') });
  });
});
