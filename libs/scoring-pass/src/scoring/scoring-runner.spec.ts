import type { UnitOfWork } from '@coil/database';
import type { SignalBaseline } from '@coil/delivery';
import { signalId, type Signal, type SubjectRef } from '@coil/signals';
import { formatUtcDay, type AccountScoreRow, type AccountTotals, type UserScoreRow, type UserTotals } from '@coil/scoring';
import type { ScoringProfileRecord, SegmentRecord } from '@coil/settings';
import type { ScoringReads, ScoringWrites } from '../repositories/scoring-repositories';
import type { TotalsQuery } from '../repositories/account-totals.repository';
import type { StoredState } from '../repositories/score-table';
import type { SegmentMember } from '../repositories/segment-membership.repository';
import type { ScoringProgress } from './scoring-progress';
import { ScoringRunner } from './scoring-runner';

const WORKSPACE = '7';
const now = new Date('2025-09-21T15:00:00Z');

const profile = (id: string, name: string, overrides: Partial<ScoringProfileRecord> = {}): ScoringProfileRecord => ({
  id,
  name,
  windowDays: 30,
  filter: null,
  normalization: 'exponential',
  isDefault: false,
  ...overrides,
});
const totals = (accountId: string, rawScore: number): AccountTotals => ({
  accountId,
  rawScore,
  activeUsers: rawScore > 0 ? 1 : 0,
  totalPeopleCount: 1,
  totalActivePeopleCount: 1,
  scoredEventsPerformed: 1,
  overallScoredEvents: rawScore,
  recentlyScoredEvents: rawScore,
  scoringProfileEvents: rawScore,
  firstSeen: null,
  lastSeen: null,
  frequency: rawScore > 0 ? 1 : 0,
  adoptionUnitsUsed: rawScore > 0 ? 1 : 0,
  lifetimeAdoptionUnitsUsed: 1,
  lastActive: null,
});
const userTotals = (userId: string, rawScore: number): UserTotals => ({
  userId,
  rawScore,
  scoringProfileEvents: rawScore,
  firstSeen: null,
  lastSeen: null,
  frequency: 1,
  adoptionUnitsUsed: 1,
  lifetimeAdoptionUnitsUsed: 1,
  lastActive: null,
});

const BASELINE_AT = new Date('2025-09-01T00:00:00Z');
const baseline = (baselineAt: Date | null): SignalBaseline => ({
  scoreThreshold: 10,
  watchedTraits: ['plan'],
  baselineAt,
});
const steady: StoredState = { change: 0, activation: null };

/**
 * Reads of a workspace with two accounts (raw 10 and 0), one user and the given profiles; the
 * signals baseline is not set unless given, and every subject's latest stored row was steady.
 */
function fakeReads(profiles: ScoringProfileRecord[], log: string[], baselineAt: Date | null = null) {
  const totalsQueries: TotalsQuery[] = [];
  const reads: ScoringReads = {
    workspaces: {
      exists: async (id) => id === WORKSPACE,
      listIds: async () => [WORKSPACE, '9'],
      accountSettings: async () => ({ userTrait: null, nameTrait: null, createdAtTrait: 'signup' }),
    },
    profiles: {
      ensureDefault: async () => (log.push('ensureDefault'), profiles[0]),
      list: async () => profiles,
    },
    features: { list: async () => [], eventNames: async () => (log.push('eventNames'), ['used', 'other']) },
    traitTypes: { list: async () => new Map([['usage', 'percentage' as const]]) },
    eventWeights: { forProfile: async (_, profileId): Promise<Record<string, number>> => (profileId === '12' ? { used: 3 } : {}) },
    subjects: {
      accounts: async () => [
        { id: '1', traits: { plan: 'paid', usage: '45%' } },
        { id: '2', traits: { usage: '5%', signup: '2020-01-01' } },
      ],
      identifiedUsers: async () => (log.push('identifiedUsers'), [{ id: '10', traits: { role: 'admin' } }]),
      memberships: async () => [{ accountId: '1', userId: '10' }],
    },
    accountTotals: {
      load: async (query) => (totalsQueries.push(query), [totals('1', 10), totals('2', 0)]),
    },
    userTotals: { load: async () => [userTotals('10', 10)] },
    accountScores: {
      scoresOneFrameAgo: async () => new Map([['1', 50]]),
      latestStates: async () => new Map([['1', steady]]),
    },
    userScores: {
      scoresOneFrameAgo: async () => new Map([['10', 80]]),
      latestStates: async () => new Map([['10', steady]]),
    },
    activationChecklists: { get: async () => (log.push('activation checklist'), null) },
    activationProgress: { userDoneDays: async () => [], accountDoneDays: async () => [] },
    signalBaseline: { read: async () => baseline(baselineAt) },
  };
  return { reads, totalsQueries };
}

/**
 * Writes that log what they receive, and a unit of work that counts its runs and marks which
 * writes happen inside one.
 */
function fakeWrites(log: string[], current: SegmentMember[], segments: SegmentRecord[], baselineAt: Date | null = null) {
  let open = false;
  const signals: Signal[] = [];
  const record = (entry: string): void => void log.push(open ? entry : `outside a unit of work: ${entry}`);
  const accountRows: AccountScoreRow[][] = [];
  const userRows: UserScoreRow[][] = [];
  const writes: ScoringWrites = {
    scoringLock: { lock: async (workspaceId) => record(`lock ${workspaceId}`) },
    accountScores: {
      upsert: async (_, profileId, rows) => (accountRows.push([...rows]), record(`upsert accounts of ${profileId}`)),
      deleteOthers: async (_, profileId, __, kept) => record(`delete accounts of ${profileId} but ${kept.join(',')}`),
    },
    userScores: {
      upsert: async (_, profileId, rows) => (userRows.push([...rows]), record(`upsert users of ${profileId}`)),
      deleteOthers: async (_, profileId, __, kept) => record(`delete users of ${profileId} but ${kept.join(',')}`),
    },
    workspaceScores: {
      upsert: async (_, profileId, period, score) => record(`workspace ${profileId} ${formatUtcDay(period)} ${JSON.stringify(score)}`),
    },
    scoreHistory: { deleteBefore: async (_, cutoff) => record(`delete history before ${formatUtcDay(cutoff)}`) },
    segments: {
      ensureSuggested: async () => record('ensure suggested segments'),
      list: async () => segments,
    },
    segmentMemberships: {
      current: async () => current,
      recordExits: async (_, exits) => record(`exits ${exits.map((exit) => `${exit.segmentId}/${exit.accountId}`).join(',')}`),
      recordEntries: async (_, entries) => record(`entries ${entries.map((entry) => `${entry.segmentId}/${entry.accountId}`).join(',')}`),
    },
    signalBaseline: {
      read: async () => baseline(baselineAt),
      set: async (_, at) => record(`set baseline ${at.toISOString()}`),
    },
    featureFirstUses: {
      recordRecent: async (_, since) => (record(`first uses since ${formatUtcDay(since)}`), []),
      recordNewFeatures: async () => record('first uses of new features'),
    },
    signalSubjects: {
      subjects: async (_, refs: readonly SubjectRef[]) =>
        new Map(
          refs.map((ref) => [`${ref.type}:${ref.id}`, { type: 'account' as const, id: ref.id, tracking_id: `t${ref.id}`, name: null }]),
        ),
    },
    signals: {
      record: async (_, recorded) => (
        signals.push(...recorded),
        record(`signals ${recorded.map((signal) => signal.kind).join(',')}`),
        recorded.length
      ),
      deleteExpired: async () => record('delete expired signals'),
    },
  };
  let runs = 0;
  const unitOfWork: UnitOfWork<ScoringWrites> = {
    async run(work) {
      runs += 1;
      open = true;
      try {
        return await work(writes);
      } finally {
        open = false;
      }
    },
  };
  return { unitOfWork, accountRows, userRows, signals, runs: () => runs };
}

const engaged: SegmentRecord = { id: 'S', name: 'Engaged', rule: 'engagement_score >= 80', builtin: false, members: 1 };

describe('ScoringRunner', () => {
  it('locks, writes every profile and updates segments in one unit of work, then reports what it wrote', async () => {
    const log: string[] = [];
    const profiles = [
      profile('11', 'default', { isDefault: true }),
      profile('12', 'admins', { windowDays: 7, filter: 'user.role = admin' }),
    ];
    const { reads, totalsQueries } = fakeReads(profiles, log);
    const writes = fakeWrites(log, [{ segmentId: 'S', accountId: '2' }], [engaged]);
    const progress: ScoringProgress[] = [];

    const summary = await new ScoringRunner(reads, writes.unitOfWork).scoreWorkspace(WORKSPACE, now, (step) => progress.push(step));

    expect(writes.runs()).toBe(1);
    expect(log).toEqual([
      'ensureDefault',
      'identifiedUsers',
      'eventNames',
      'activation checklist',
      'lock 7',
      'upsert accounts of 11',
      'delete accounts of 11 but 1,2',
      'upsert users of 11',
      'delete users of 11 but 10',
      'workspace 11 2025-09-21 {"meanScore":45.6,"accounts":2,"activeAccounts":1,"activeUsers":1}',
      'upsert accounts of 12',
      'delete accounts of 12 but 1,2',
      'upsert users of 12',
      'delete users of 12 but 10',
      'workspace 12 2025-09-21 {"meanScore":45.6,"accounts":2,"activeAccounts":1,"activeUsers":1}',
      'delete history before 2024-08-17',
      'ensure suggested segments',
      'exits S/2',
      'entries S/1',
      'first uses since 2025-09-20',
      'first uses of new features',
      'set baseline 2025-09-21T15:00:00.000Z',
      'delete expired signals',
    ]);
    // A lone active account is its own benchmark: 90.1; the change is read from the stored 50.
    expect(writes.accountRows[0].map((row) => [row.accountId, row.engagementScore, row.engagementScoreChange])).toEqual([
      ['1', 90.1, 40.1],
      ['2', 1, null],
    ]);
    // Users read their change from their own history (80 one frame ago).
    expect(writes.userRows[0].map((row) => [row.userId, row.engagementScore, row.engagementScoreChange])).toEqual([['10', 90.1, 10.1]]);
    expect(totalsQueries.map((query) => query.scope)).toEqual([
      null,
      { pairs: [{ accountId: '1', userId: '10' }], accountIds: ['1'], userIds: ['10'] },
    ]);
    expect(progress.map((entry) => `${entry.step} ${entry.profile ?? ''} ${entry.done}/${entry.total}`)).toEqual([
      'score default 1/5',
      'score admins 2/5',
      'write default 3/5',
      'write admins 4/5',
      'segments  5/5',
    ]);
    expect(summary).toEqual({
      workspace_id: WORKSPACE,
      scored_at: now.toISOString(),
      profiles: [
        {
          profile_id: '11',
          name: 'default',
          is_default: true,
          window_days: 30,
          period: '2025-09-21',
          accounts: 2,
          users: 1,
          benchmark: 10,
        },
        { profile_id: '12', name: 'admins', is_default: false, window_days: 7, period: '2025-09-21', accounts: 2, users: 1, benchmark: 10 },
      ],
      segments: { entered: 1, left: 1 },
      signals: 0,
    });
  });

  it('records the signals of a run after the baseline: trends that changed, segments entered and left', async () => {
    const log: string[] = [];
    const { reads } = fakeReads([profile('11', 'default', { isDefault: true })], log, BASELINE_AT);
    const writes = fakeWrites(log, [{ segmentId: 'S', accountId: '2' }], [engaged], BASELINE_AT);

    const summary = await new ScoringRunner(reads, writes.unitOfWork).scoreWorkspace(WORKSPACE, now);

    expect(log.slice(-4)).toEqual([
      'first uses since 2025-09-20',
      'first uses of new features',
      'signals score_changed,score_changed,segment_exited,segment_entered',
      'delete expired signals',
    ]);
    expect(writes.signals.map((signal) => [signal.kind, signal.subject.id, signal.data])).toEqual([
      ['score_changed', '1', { profile: 'default', before: 50, after: 90.1, change: 40.1, trend: 'hot' }],
      ['score_changed', '10', { profile: 'default', before: 80, after: 90.1, change: 10.1, trend: 'hot' }],
      ['segment_exited', '2', { segment: { id: 'S', name: 'Engaged' } }],
      ['segment_entered', '1', { segment: { id: 'S', name: 'Engaged' } }],
    ]);
    expect(writes.signals[0].id).toBe(signalId(WORKSPACE, 'score_changed', { type: 'account', id: '1' }, '2025-09-21'));
    expect(summary.signals).toBe(4);
  });

  it('sets the baseline silently when it was cleared after the run read its previous states', async () => {
    const log: string[] = [];
    const { reads } = fakeReads([profile('11', 'default', { isDefault: true })], log, BASELINE_AT);
    const writes = fakeWrites(log, [{ segmentId: 'S', accountId: '2' }], [engaged], null);
    const summary = await new ScoringRunner(reads, writes.unitOfWork).scoreWorkspace(WORKSPACE, now);
    expect(log).toContain('set baseline 2025-09-21T15:00:00.000Z');
    expect(writes.signals).toEqual([]);
    expect(summary.signals).toBe(0);
  });

  it("judges filters and segments by the workspace's trait types and created-at trait", async () => {
    const log: string[] = [];
    const { reads, totalsQueries } = fakeReads([profile('11', 'default', { isDefault: true, filter: 'usage > 40' })], log);
    const segments: SegmentRecord[] = [{ id: 'M', name: 'Mature', rule: 'days_since_created > 180', builtin: true, members: 0 }];
    await new ScoringRunner(reads, fakeWrites(log, [], segments).unitOfWork).scoreWorkspace(WORKSPACE, now);
    expect(totalsQueries.map((query) => query.scope?.accountIds)).toEqual([['1']]);
    expect(log).toContain('entries M/2');
  });

  it('reads no users or memberships when no profile filters on traits', async () => {
    const log: string[] = [];
    const { reads } = fakeReads([profile('11', 'default', { isDefault: true })], log);
    await new ScoringRunner(reads, fakeWrites(log, [], []).unitOfWork).scoreWorkspace(WORKSPACE, now);
    expect(log).not.toContain('identifiedUsers');
  });

  it('refuses an unknown workspace before reading or writing anything', async () => {
    const log: string[] = [];
    const { reads } = fakeReads([profile('11', 'default', { isDefault: true })], log);
    const writes = fakeWrites(log, [], []);
    await expect(new ScoringRunner(reads, writes.unitOfWork).scoreWorkspace('9', now)).rejects.toMatchObject({ code: 'not_found' });
    expect(log).toEqual([]);
    expect(writes.runs()).toBe(0);
  });

  it('scores every workspace in turn and lists the ones that failed', async () => {
    const log: string[] = [];
    const { reads } = fakeReads([profile('11', 'default', { isDefault: true })], log);
    const result = await new ScoringRunner(reads, fakeWrites(log, [], []).unitOfWork).scoreAllWorkspaces(now);
    expect(result).toEqual({ scored: [WORKSPACE], failed: [{ workspace_id: '9', error: 'workspace 9 not found' }] });
  });

  it('syncs accounts from the user trait before it reads anything else', async () => {
    const log: string[] = [];
    const { reads } = fakeReads([profile('11', 'default', { isDefault: true })], log);
    const accountSource = {
      sync: async (workspaceId: string) => {
        log.push(`sync account source of ${workspaceId}`);
        return { accounts_created: 0, memberships_added: 0, memberships_removed: 0, names_updated: 0 };
      },
    };
    await new ScoringRunner(reads, fakeWrites(log, [], []).unitOfWork, accountSource).scoreWorkspace(WORKSPACE, now);
    expect(log.slice(0, 2)).toEqual(['sync account source of 7', 'ensureDefault']);
  });
});
