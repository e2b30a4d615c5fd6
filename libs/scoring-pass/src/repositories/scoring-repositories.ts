import type { RepositoryShape, SqlClient } from '@coil/database';
import {
  ActivationChecklistRepository,
  EventWeightRepository,
  FeatureRepository,
  ScoringLockRepository,
  ScoringProfileRepository,
  SegmentRepository,
  TraitTypeRepository,
} from '@coil/settings';
import { SignalOutbox, SignalBaselineRepository, SignalSubjectRepository } from '@coil/delivery';
import { WorkspaceRepository } from '@coil/workspaces';
import { AccountScoreRepository } from './account-score.repository';
import { AccountSourceRepository } from './account-source.repository';
import { ActivationProgressRepository } from './activation-progress.repository';
import { AccountTotalsRepository } from './account-totals.repository';
import { FeatureFirstUseRepository } from './feature-first-use.repository';
import { SegmentMembershipRepository } from './segment-membership.repository';
import { SubjectTraitsRepository } from './subject-traits.repository';
import { UserScoreRepository } from './user-score.repository';
import { ScoreHistoryRepository } from './score-history.repository';
import { UserTotalsRepository } from './user-totals.repository';
import { WorkspaceScoreRepository } from './workspace-score.repository';

/**
 * What a run reads before it writes, bound to the pool so that independent reads run on
 * connections of their own, in parallel. The one write among them, the default profile a
 * workspace gets on its first run, is idempotent.
 */
export interface ScoringReads {
  workspaces: Pick<WorkspaceRepository, 'exists' | 'listIds' | 'accountSettings'>;
  profiles: Pick<ScoringProfileRepository, 'ensureDefault' | 'list'>;
  features: Pick<FeatureRepository, 'list' | 'eventNames'>;
  eventWeights: Pick<EventWeightRepository, 'forProfile'>;
  traitTypes: Pick<TraitTypeRepository, 'list'>;
  subjects: RepositoryShape<SubjectTraitsRepository>;
  accountTotals: RepositoryShape<AccountTotalsRepository>;
  userTotals: RepositoryShape<UserTotalsRepository>;
  accountScores: Pick<AccountScoreRepository, 'scoresOneFrameAgo' | 'latestStates'>;
  userScores: Pick<UserScoreRepository, 'scoresOneFrameAgo' | 'latestStates'>;
  activationChecklists: Pick<ActivationChecklistRepository, 'get'>;
  activationProgress: RepositoryShape<ActivationProgressRepository>;
  signalBaseline: Pick<SignalBaselineRepository, 'read'>;
}

/** What a run writes, bound to the one client of its transaction. */
export interface ScoringWrites {
  scoringLock: RepositoryShape<ScoringLockRepository>;
  accountScores: Pick<AccountScoreRepository, 'upsert' | 'deleteOthers'>;
  userScores: Pick<UserScoreRepository, 'upsert' | 'deleteOthers'>;
  workspaceScores: RepositoryShape<WorkspaceScoreRepository>;
  scoreHistory: RepositoryShape<ScoreHistoryRepository>;
  segments: Pick<SegmentRepository, 'ensureSuggested' | 'list'>;
  segmentMemberships: RepositoryShape<SegmentMembershipRepository>;
  /** The signals a run derives, with their deliveries rows (the outbox), and what they need. */
  signalBaseline: Pick<SignalBaselineRepository, 'read' | 'set'>;
  featureFirstUses: RepositoryShape<FeatureFirstUseRepository>;
  signalSubjects: RepositoryShape<SignalSubjectRepository>;
  signals: RepositoryShape<SignalOutbox>;
}

/** The account-source sync, in a transaction of its own before a run's reads. */
export interface AccountSourceWrites {
  scoringLock: RepositoryShape<ScoringLockRepository>;
  workspaces: Pick<WorkspaceRepository, 'accountSettings'>;
  accountSource: RepositoryShape<AccountSourceRepository>;
}

export function createScoringReads(db: SqlClient): ScoringReads {
  return {
    workspaces: new WorkspaceRepository(db),
    profiles: new ScoringProfileRepository(db),
    features: new FeatureRepository(db),
    eventWeights: new EventWeightRepository(db),
    traitTypes: new TraitTypeRepository(db),
    subjects: new SubjectTraitsRepository(db),
    accountTotals: new AccountTotalsRepository(db),
    userTotals: new UserTotalsRepository(db),
    accountScores: new AccountScoreRepository(db),
    userScores: new UserScoreRepository(db),
    activationChecklists: new ActivationChecklistRepository(db),
    activationProgress: new ActivationProgressRepository(db),
    signalBaseline: new SignalBaselineRepository(db),
  };
}

export function createScoringWrites(db: SqlClient): ScoringWrites {
  return {
    scoringLock: new ScoringLockRepository(db),
    accountScores: new AccountScoreRepository(db),
    userScores: new UserScoreRepository(db),
    workspaceScores: new WorkspaceScoreRepository(db),
    scoreHistory: new ScoreHistoryRepository(db),
    segments: new SegmentRepository(db),
    segmentMemberships: new SegmentMembershipRepository(db),
    signalBaseline: new SignalBaselineRepository(db),
    featureFirstUses: new FeatureFirstUseRepository(db),
    signalSubjects: new SignalSubjectRepository(db),
    signals: new SignalOutbox(db),
  };
}

export function createAccountSourceWrites(db: SqlClient): AccountSourceWrites {
  return {
    scoringLock: new ScoringLockRepository(db),
    workspaces: new WorkspaceRepository(db),
    accountSource: new AccountSourceRepository(db),
  };
}
