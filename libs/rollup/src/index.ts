// Rolls ingest batches into PostgreSQL exactly once: identities, accounts, traits, daily counts.
export {
  BullDeadLetterSink,
  countDeadLetters,
  deadLetterQueue,
  listDeadLetters,
  openDeadLetterQueue,
  type DeadLetter,
  type DeadLetterQueue,
  type DeadLetterSink,
  type OpenedDeadLetterQueue,
} from './dead-letter';
export { RetentionRepository, type RollupRepositories } from './repositories';
export { BatchRollup, createBatchRollup, isPoisonError, type JobOutcome } from './services';
export { retryDelayMs } from './retry-delay';
