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

type ProfileReads = Pick<ScoringReads, 'accountTotals' | 'userTotals' | 'accountScores' | 'userScores'>;

/**
 * Reads a profile's totals (two set-based queries) and its history one time frame ago (two
 * more), and scores them with @coil/scoring.
 */
export async function computeProfileScores(reads: ProfileReads, input: ProfileScoresInput): Promise<ProfileScores> {
  const { plan } = input;
  const read = await readProfile(reads, input);
  const method = plan.profile.normalization;
  const accounts = scoreAccounts(read.accountTotals, {
    period: plan.frame.end,
    method,
    scoredEventCount: scoredEventCount(plan.weighting, read.events),
    adoptionUnitCount: read.adoption.count,
    previousScores: read.accountScoresOneFrameAgo,
    activationOf: read.activations.ofAccount,
  });
  const users = scoreUsers(read.userTotals, {
    period: plan.frame.end,
    method,
    adoptionUnitCount: read.adoption.count,
    previousScores: read.userScoresOneFrameAgo,
    activationOf: read.activations.ofUser,
  });
  return { plan, accounts, users };
}

/** Everything a profile is scored from, read in parallel. */
async function readProfile(reads: ProfileReads, input: ProfileScoresInput) {
  const { workspaceId, plan, scope, now } = input;
  const { weighting, frame } = plan;
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
  const [[accountTotals, userTotals], { events, adoption }, accountScoresOneFrameAgo, userScoresOneFrameAgo, activations] =
    await Promise.all([
      totalsRead,
      adoptionRead,
      reads.accountScores.scoresOneFrameAgo(workspaceId, plan.profile.id, baseline),
      reads.userScores.scoresOneFrameAgo(workspaceId, plan.profile.id, baseline),
      input.activations(),
    ]);
  return { accountTotals, userTotals, events, adoption, accountScoresOneFrameAgo, userScoresOneFrameAgo, activations };
}
