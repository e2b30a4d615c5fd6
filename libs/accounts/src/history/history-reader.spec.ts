import type { ResolvedProfile } from '../profiles/profile-resolver';
import type { Lookup } from '../query/query-validator';
import { HistoryReader, lastDays } from './history-reader';
import type { DayRange, HistoryPoint } from './score-history.repository';

const POINT: HistoryPoint = { day: '2025-09-21', engagement_score: 50, raw_score: 500, active_users: 2, scoring_profile_events: 9 };

function reader(profile: ResolvedProfile, ids: string[]) {
  type Read = { subject: string; profileId: string; id?: string; range: DayRange };
  const reads: Read[] = [];
  const recorded = <T>(read: Read, value: T): T => {
    reads.push(read);
    return value;
  };
  const found = async (_: string, lookup: Lookup) => ids.filter((id) => lookup.kind !== 'id' || lookup.id === id).map((id) => ({ id }));
  const history = new HistoryReader(
    { resolve: async () => profile },
    { findIds: found },
    { findIds: found },
    {
      accountPoints: async (_, profileId, id, range) => recorded({ subject: 'account', profileId, id, range }, [POINT]),
      userPoints: async (_, profileId, id, range) => recorded({ subject: 'user', profileId, id, range }, [POINT]),
      workspacePoints: async (_, profileId, range) =>
        recorded({ subject: 'workspace', profileId, range }, [
          { day: '2025-09-21', mean_score: 40, accounts: 3, active_accounts: 2, active_users: 4 },
        ]),
    },
    () => new Date('2025-09-21T23:00:00Z'),
  );
  return { history, reads };
}

describe('lastDays', () => {
  it('N days ending with today (UTC)', () => {
    expect(lastDays(new Date('2025-09-21T23:59:59Z'), 1)).toEqual({ from: '2025-09-21', to: '2025-09-21' });
    expect(lastDays(new Date('2025-03-01T00:00:00Z'), 90)).toEqual({ from: '2024-12-02', to: '2025-03-01' });
  });
});

describe('HistoryReader', () => {
  const profile: ResolvedProfile = { id: '7', name: 'paid only', windowDays: 30 };

  it('reads one range per series, for the resolved profile, and names the profile', async () => {
    const { history, reads } = reader(profile, ['5']);
    const query = { workspaceId: '13', lookup: { kind: 'id', id: '5' } as const, days: 3, profile: 'paid only' };

    expect(await history.account(query)).toEqual({ id: '5', profile: 'paid only', points: [POINT] });
    expect(await history.user(query)).toEqual({ id: '5', profile: 'paid only', points: [POINT] });
    expect(await history.workspace({ workspaceId: '13', days: 3, profile: 'paid only' })).toMatchObject({
      workspace_id: '13',
      profile: 'paid only',
    });
    const range = { from: '2025-09-19', to: '2025-09-21' };
    expect(reads).toEqual([
      { subject: 'account', profileId: '7', id: '5', range },
      { subject: 'user', profileId: '7', id: '5', range },
      { subject: 'workspace', profileId: '7', range },
    ]);
  });

  it('a profile not created yet has no rows to read', async () => {
    const { history, reads } = reader({ id: null, name: 'default', windowDays: 30 }, ['5']);
    expect(await history.account({ workspaceId: '13', lookup: { kind: 'id', id: '5' }, days: 90, profile: null })).toEqual({
      id: '5',
      profile: 'default',
      points: [],
    });
    expect(reads).toEqual([]);
  });

  it('404 for no subject, 409 for several', async () => {
    const { history } = reader(profile, ['5', '6']);
    await expect(history.account({ workspaceId: '13', lookup: { kind: 'id', id: '9' }, days: 90, profile: null })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      history.user({ workspaceId: '13', lookup: { kind: 'match', field: 'email', value: 'x' }, days: 90, profile: null }),
    ).rejects.toMatchObject({ code: 'ambiguous_match', details: { candidate_ids: ['5', '6'] } });
  });
});
