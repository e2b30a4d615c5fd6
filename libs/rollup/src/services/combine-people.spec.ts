import { combinePeople } from './combine-people';

const user = (id: string, externalId: string, identified: boolean, traits = {}, traitsAt: Date | null = null) => ({
  id,
  externalId,
  identified,
  traits,
  clock: {},
  traitsAt,
});

describe('combinePeople', () => {
  it('renames an anonymous survivor to the userId that identified it', () => {
    const combined = combinePeople(user('1', 'anon-1', false), [], 'u1');
    expect(combined).toMatchObject({ id: '1', externalId: 'u1', identified: true });
  });

  it('keeps an identified survivor and takes the newer traits of a merged user', () => {
    const combined = combinePeople(user('1', 'u1', true, { plan: 'trial', seats: 2 }, new Date('2026-01-01T00:00:00Z')), [
      user('2', 'u0', true, { plan: 'paid' }, new Date('2026-01-02T00:00:00Z')),
    ]);
    expect(combined).toMatchObject({ id: '1', externalId: 'u1', identified: true, traits: { plan: 'paid', seats: 2 } });
    expect(combined.traitsAt).toEqual(new Date('2026-01-02T00:00:00Z'));
    // Each key keeps the time of the row it came from, so a later update of one is compared with the right time.
    expect(combined.clock).toEqual({
      plan: { at: Date.parse('2026-01-02T00:00:00Z'), id: '' },
      seats: { at: Date.parse('2026-01-01T00:00:00Z'), id: '' },
    });
  });
});
