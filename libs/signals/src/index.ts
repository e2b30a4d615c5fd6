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
