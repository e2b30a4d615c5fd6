import type { IngestEvent } from '@coil/domain';

export const DEAD_LETTER_QUEUE = 'coil-dead-letter';

/** An event the worker could not apply, kept with the reason for an operator to inspect or replay. */
export interface DeadLetter {
  workspaceId: string;
  batchId: string;
  /** Position of the event in its job. */
  index: number;
  reason: string;
  event: IngestEvent;
  failedAt: string;
}

export interface DeadLetterSink {
  send(letters: DeadLetter[]): Promise<void>;
}
