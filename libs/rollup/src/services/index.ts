export { applyAccountTraits, applyUserTraits } from './apply-traits';
export { BatchRollup, createBatchRollup, type JobOutcome } from './batch-rollup';
export { bisect, splitAndApply, type BisectHandlers, type Range } from './bisect';
export { combinePeople } from './combine-people';
export { IdentityRaceError, isPoisonError, retryDelayMs } from './failures';
export { mergePeople, type PersonMerge } from './merge-people';
export { resolveUsers } from './resolve-users';
export { rollupEvents, type EventsToRollUp, type RollupOutcome } from './rollup-events';
