// Pure signals: their kinds and shape, their deterministic ids, their derivation from before/after.
export {
  isSignalKind,
  SIGNAL_KINDS,
  type Signal,
  type SignalDataByKind,
  type SignalKind,
  type SignalSubject,
  type SubjectType,
  type TraitValue,
  type Trend,
} from './signal';
export { signalId } from './signal-id';
export { completeSignals, subjectKey, type SignalDraft, type SubjectRef } from './signal-draft';
export { scoreTrendSignals, type ScoreChange, type ScoreTrendInput } from './derivation/score-trend-signals';
export { segmentSignals, type SegmentMove, type SegmentSignalsInput } from './derivation/segment-signals';
export {
  activationSignals,
  type ActivationChange,
  type ActivationSignalsInput,
  type PreviousActivation,
} from './derivation/activation-signals';
export { featureFirstUseSignals, type FirstUse } from './derivation/feature-first-use-signals';
export { traitSignals, type TraitChange } from './derivation/trait-signals';
