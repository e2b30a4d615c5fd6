import { accountColumns, normalizeTraits } from './normalize-traits';

describe('normalizeTraits', () => {
  it.each([
    ['ISO-8601', '2024-03-01T10:00:00+02:00', '2024-03-01T08:00:00.000Z'],
    ['Unix seconds', 1709287200, '2024-03-01T10:00:00.000Z'],
    ['Unix milliseconds', 1709287200000, '2024-03-01T10:00:00.000Z'],
    ['Unix seconds as text', '1709287200', '2024-03-01T10:00:00.000Z'],
  ])('stores createdAt given as %s as ISO-8601 UTC', (_name, value, expected) => {
    expect(normalizeTraits({ createdAt: value })).toEqual({ createdAt: expected });
  });

  it('stores created_at under createdAt', () => {
    expect(normalizeTraits({ created_at: 1709287200, plan: 'x' })).toEqual({
      plan: 'x',
      createdAt: '2024-03-01T10:00:00.000Z',
    });
  });

  it('keeps an unparseable value and a null (which removes the key)', () => {
    expect(normalizeTraits({ createdAt: 'last tuesday' })).toEqual({ createdAt: 'last tuesday' });
    expect(normalizeTraits({ created_at: null })).toEqual({ createdAt: null });
  });
});

describe('accountColumns', () => {
  it('mirrors name and domain, null when absent or not text', () => {
    expect(accountColumns({ name: 'Acme', domain: 'acme.io' })).toEqual({ name: 'Acme', domain: 'acme.io' });
    expect(accountColumns({ name: { nested: true } })).toEqual({ name: null, domain: null });
  });
});
