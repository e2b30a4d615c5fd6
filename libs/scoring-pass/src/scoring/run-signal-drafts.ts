import { activationStepLabel, type ActivationChecklist, type EngagementFields } from '@coil/scoring';
import {
  activationSignals,
  featureFirstUseSignals,
  scoreTrendSignals,
  segmentSignals,
  type ActivationChange,
  type FirstUse,
  type ScoreChange,
  type SignalDraft,
  type SubjectRef,
} from '@coil/signals';
import type { StoredState } from '../repositories/score-table';
import type { PreviousStates } from './previous-states';
import type { ProfileScores } from './profile-scores';
import type { SegmentChanges } from './segment-changes';

export interface RunSignalsInput {
  readonly workspaceId: string;
  readonly now: Date;
  /** The default profile's fresh rows: trends and activation are judged on them. */
  readonly scores: ProfileScores;
  readonly previous: PreviousStates;
  readonly changes: SegmentChanges;
  readonly checklist: ActivationChecklist | null;
}

export interface RunSignalsContext {
  readonly threshold: number;
  readonly firstUses: readonly FirstUse[];
  /** Segment names by id. */
  readonly segments: ReadonlyMap<string, string>;
}

interface ScoredSubject {
  readonly subject: SubjectRef;
  readonly row: EngagementFields & { readonly engagementScore: number; readonly engagementScoreChange: number | null };
  readonly previous: StoredState | undefined;
}

/** A run's signals in derivation order: activations, first uses, trends, segment exits and entries. */
export function runSignalDrafts(input: RunSignalsInput, context: RunSignalsContext): SignalDraft[] {
  const { workspaceId, now, scores, previous, checklist } = input;
  const subjects: ScoredSubject[] = [
    ...scores.accounts.map((row) => scored({ type: 'account', id: String(row.accountId) }, row, previous.accounts)),
    ...scores.users.map((row) => scored({ type: 'user', id: String(row.userId) }, row, previous.users)),
  ];
  const activations =
    checklist === null
      ? []
      : activationSignals({
          workspaceId,
          at: now,
          checklist: { steps: checklist.steps.map(activationStepLabel), required_users: checklist.requiredUsers },
          changes: subjects.map(activationChange),
        });
  return [
    ...activations,
    ...featureFirstUseSignals(workspaceId, now, context.firstUses),
    ...scoreTrendSignals({
      workspaceId,
      profile: scores.plan.profile.name,
      threshold: context.threshold,
      at: now,
      scores: subjects.map(scoreChange),
    }),
    ...segmentSignals({ workspaceId, at: now, segments: context.segments, ...input.changes }),
  ];
}

function scored(subject: SubjectRef, row: ScoredSubject['row'], previous: ReadonlyMap<string, StoredState>): ScoredSubject {
  return { subject, row, previous: previous.get(subject.id) };
}

function activationChange({ subject, row, previous }: ScoredSubject): ActivationChange {
  return { subject, previous: previous === undefined ? undefined : previous.activation, activatedAt: row.activation?.activated_at ?? null };
}

function scoreChange({ subject, row, previous }: ScoredSubject): ScoreChange {
  return { subject, score: row.engagementScore, change: row.engagementScoreChange, previousChange: previous?.change };
}
