export { DEAD_LETTER_QUEUE, type DeadLetter, type DeadLetterSink } from './dead-letter';
export {
  BullDeadLetterSink,
  countDeadLetters,
  deadLetterQueue,
  listDeadLetters,
  openDeadLetterQueue,
  type DeadLetterQueue,
  type OpenedDeadLetterQueue,
} from './dead-letter-queue';
