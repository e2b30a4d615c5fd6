import type { ScoringProfileRecord } from '@coil/settings';
import { ProfileResolver } from './profile-resolver';

function record(id: string, name: string, isDefault: boolean): ScoringProfileRecord {
  return { id, name, windowDays: isDefault ? 7 : 30, filter: null, normalization: 'exponential', isDefault };
}

/** The profile repository over a list: default first, as the real one orders them. */
function profilesOf(records: ScoringProfileRecord[]) {
  const calls: string[] = [];
  const recorded = <T>(call: string, value: T): T => {
    calls.push(call);
    return value;
  };
  return {
    calls,
    repository: {
      findByName: async (_: string, name: string) =>
        recorded(
          `name:${name}`,
          records.find((r) => r.name === name),
        ),
      findDefault: async () =>
        recorded(
          'default',
          records.find((r) => r.isDefault),
        ),
      list: async () => recorded('list', records),
    },
  };
}

describe('ProfileResolver', () => {
  const stored = [record('1', 'default', true), record('2', 'paid only', false)];

  it('no name: the default profile, in one read', async () => {
    const { calls, repository } = profilesOf(stored);
    expect(await new ProfileResolver(repository).resolve('13', null)).toEqual({ id: '1', name: 'default', windowDays: 7 });
    expect(calls).toEqual(['default']);
  });

  it('a name: that profile', async () => {
    const { repository } = profilesOf(stored);
    expect(await new ProfileResolver(repository).resolve('13', 'paid only')).toEqual({ id: '2', name: 'paid only', windowDays: 30 });
  });

  it('an unknown name: 400 invalid_parameter listing the names, default first', async () => {
    const { repository } = profilesOf(stored);
    await expect(new ProfileResolver(repository).resolve('13', 'Paid Only')).rejects.toMatchObject({
      status: 'bad_request',
      code: 'invalid_parameter',
      message: 'unknown profile "Paid Only"',
      details: { parameter: 'profile', available: ['default', 'paid only'] },
    });
  });

  it('a workspace never scored: read as "default", the profile its first run creates; no stored rows (id null)', async () => {
    const { repository } = profilesOf([]);
    const resolver = new ProfileResolver(repository);
    const fresh = { id: null, name: 'default', windowDays: 30 };
    expect(await resolver.resolve('13', null)).toEqual(fresh);
    expect(await resolver.resolve('13', 'default')).toEqual(fresh);
    await expect(resolver.resolve('13', 'admins')).rejects.toMatchObject({ details: { parameter: 'profile', available: ['default'] } });
  });
});
