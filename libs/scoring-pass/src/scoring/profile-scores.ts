import {
  adoptionUnits,
  changeBaseline,
  scoreAccounts,
  scoredEventCount,
  scoresEveryEvent,
  scoreUsers,
  type AccountScoreRow,
  type UserScoreRow,
} from '@coil/scoring';
import type { ScoringReads } from '../repositories/scoring-repositories';
import type { ScoringScope } from '../repositories/sql-params';
import type { Activations } from './load-activations';
import type { ProfilePlan } from './profile-plan';

/** A profile's fresh rows, ready to be written. */
export interface ProfileScores {
  readonly plan: ProfilePlan;
  readonly accounts: AccountScoreRow[];
  readonly users: UserScoreRow[];
}

export interface ProfileScoresInput {
  readonly workspaceId: string;
  readonly plan: ProfilePlan;
  readonly scope: ScoringScope | null;
  /** Distinct event names of the workspace, asked for only when every event scores. */
  readonly workspaceEvents: () => Promise<readonly string[]>;
  /** The run's activations (the same for every profile), read once. */
  readonly activations: () => Promise<Activations>;
  readonly now: Date;
}

/**
 * Reads a profile's totals (two set-based queries) and its history one time frame ago (two
 * more), and scores them with @coil/scoring.
 */
export async function computeProfileScores(
  reads: Pick<ScoringReads, 'accountTotals' | 'userTotals' | 'accountScores' | 'userScores'>,
  input: ProfileScoresInput,
): Promise<ProfileScores> {
  const { workspaceId, plan, scope, now } = input;
  const { weighting, frame } = plan;
  const profileId = plan.profile.id;
  // The change is read from the stored history, never recomputed, so history cannot shift.
  const baseline = changeBaseline(now, plan.profile.windowDays);
  // Only a profile that scores every event needs the event names (its adoption units) before its totals.
  const adoptionRead = (scoresEveryEvent(weighting) ? input.workspaceEvents() : Promise.resolve([])).then((events) => ({
    events,
    adoption: adoptionUnits(weighting, plan.features, events),
  }));
  const totalsRead = adoptionRead.then(({ adoption }) =>
    Promise.all([
      reads.accountTotals.load({ workspaceId, weighting, frame, now, scope, adoption }),
      reads.userTotals.load({ workspaceId, weighting, frame, userIds: scope?.userIds ?? null, adoption }),
    ]),
  );
  const [[totals, userTotals], { events, adoption }, previousScores, previousUserScores, activations] = await Promise.all([
    totalsRead,
    adoptionRead,
    reads.accountScores.scoresOneFrameAgo(workspaceId, profileId, baseline),
    reads.userScores.scoresOneFrameAgo(workspaceId, profileId, baseline),
    input.activations(),
  ]);
  const method = plan.profile.normalization;
  const accounts = scoreAccounts(totals, {
    period: frame.end,
    method,
    scoredEventCount: scoredEventCount(weighting, events),
    adoptionUnitCount: adoption.count,
    previousScores,
    activationOf: activations.ofAccount,
  });
  const users = scoreUsers(userTotals, {
    period: frame.end,
    method,
    adoptionUnitCount: adoption.count,
    previousScores: previousUserScores,
    activationOf: activations.ofUser,
  });
  return { plan, accounts, users };
}
