import { computedTraits, slugify, traitNaming, type ProfileMetrics } from './computed-traits';
import { changedTraits } from './trait-diff';

const metrics: ProfileMetrics = {
  profileId: '1',
  score: 61.996,
  scoreChange: 12.345,
  activationRate: 0.333333,
  adoptionRate: 0.5,
  lifetimeAdoptionRate: 0.75,
  lastActive: '2026-12-01',
  frequency: 4,
  activeUsers: 3,
  totalUsers: 5,
};

describe('traitNaming', () => {
  it('slugs profile names and the prefix, keeping two profiles that slug alike apart', () => {
    const naming = traitNaming(' Acme-CS ', [
      { id: '2', name: 'Power users' },
      { id: '10', name: 'power  USERS!' },
      { id: '3', name: 'Équipe' },
      { id: '4', name: '???' },
    ]);

    expect(naming.prefix).toBe('acme_cs');
    expect([...naming.profiles]).toEqual([
      ['2', 'power_users'],
      ['3', 'equipe'],
      ['4', 'profile_4'],
      ['10', 'power_users_10'],
    ]);
  });

  it('uses coil when the destination names no prefix', () => {
    expect(traitNaming(undefined, []).prefix).toBe('coil');
    expect(slugify('Default')).toBe('default');
  });
});

describe('computedTraits', () => {
  const naming = traitNaming(undefined, [{ id: '1', name: 'default' }]);

  it('names each metric per profile, rounds numbers to two decimals and sorts the segments', () => {
    expect(computedTraits(naming, [metrics], ['Hot', 'Champions'])).toEqual({
      coil_default_score: 62,
      coil_default_score_change: 12.35,
      coil_default_activation_rate: 0.33,
      coil_default_adoption_rate: 0.5,
      coil_default_lifetime_adoption_rate: 0.75,
      coil_default_last_active: '2026-12-01',
      coil_default_frequency: 4,
      coil_default_active_users: 3,
      coil_default_total_users: 5,
      coil_segments: ['Champions', 'Hot'],
    });
  });

  it('gives users no account metrics and no segments, and keeps missing values as null', () => {
    const { activeUsers: _a, totalUsers: _t, ...user } = metrics;
    expect(computedTraits(naming, [{ ...user, scoreChange: null, activationRate: null, lastActive: null }])).toEqual({
      coil_default_score: 62,
      coil_default_score_change: null,
      coil_default_activation_rate: null,
      coil_default_adoption_rate: 0.5,
      coil_default_lifetime_adoption_rate: 0.75,
      coil_default_last_active: null,
      coil_default_frequency: 4,
    });
  });
});

describe('changedTraits', () => {
  it('is everything the first time', () => {
    expect(changedTraits({ a: 1, b: null }, undefined)).toEqual({ a: 1, b: null });
  });

  it('keeps only the keys whose value changed, comparing lists by their items', () => {
    expect(changedTraits({ a: 1, b: ['x', 'y'], c: 'same' }, { a: 2, b: ['x', 'y'], c: 'same' })).toEqual({ a: 1 });
    expect(changedTraits({ b: ['x'] }, { b: ['x', 'y'] })).toEqual({ b: ['x'] });
  });

  it('clears a trait that no longer exists, once', () => {
    expect(changedTraits({ a: 1 }, { a: 1, gone: 5 })).toEqual({ gone: null });
    expect(changedTraits({ a: 1 }, { a: 1, gone: null })).toBeNull();
  });

  it('is null when nothing changed', () => {
    expect(changedTraits({ a: 1, s: [] }, { s: [], a: 1 })).toBeNull();
  });
});
