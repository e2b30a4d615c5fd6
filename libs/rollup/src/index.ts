// Rolls ingest batches into PostgreSQL exactly once: identities, accounts, traits, daily counts.
export type { DeadLetter, DeadLetterSink } from './dead-letter/dead-letter';
export {
  BullDeadLetterSink,
  countDeadLetters,
  deadLetterQueue,
  listDeadLetters,
  openDeadLetterQueue,
  type DeadLetterQueue,
  type OpenedDeadLetterQueue,
} from './dead-letter/dead-letter-queue';
export { RetentionRepository, type RollupRepositories } from './repositories';
export { BatchRollup, createBatchRollup, isPoisonError, type JobOutcome } from './services';
export { retryDelayMs } from './retry-delay';
