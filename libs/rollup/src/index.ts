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
} from './dead-letter/dead-letter-queue';
export { RetentionRepository, type RollupRepositories } from './repositories';
export { BatchRollup, createBatchRollup, isPoisonError, retryDelayMs, type JobOutcome } from './services';
