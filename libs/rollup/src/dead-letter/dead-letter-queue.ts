import { Queue } from 'bullmq';
import type { IngestEvent } from '@coil/domain';
import { createRedisConnection, queuePrefix, type CoilConfig, type RedisConnection } from '@coil/platform';

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

export type DeadLetterQueue = Queue<DeadLetter>;

// Nothing consumes this queue: letters wait there until an operator looks at them.
const PENDING_STATES = ['waiting', 'prioritized', 'delayed', 'paused'] as const;

export function deadLetterQueue(connection: RedisConnection, prefix: string): DeadLetterQueue {
  return new Queue<DeadLetter>(DEAD_LETTER_QUEUE, { connection, prefix });
}

/** BullMQ forbids ':' in custom ids; the id makes a re-sent letter (a retried job) a no-op. */
function letterJobId(letter: DeadLetter): string {
  return `${letter.batchId.replace(/:/g, '_')}-${letter.index}`;
}

export class BullDeadLetterSink implements DeadLetterSink {
  constructor(private readonly queue: DeadLetterQueue) {}

  async send(letters: DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    await this.queue.addBulk(letters.map((letter) => ({ name: 'dead-letter', data: letter, opts: { jobId: letterJobId(letter) } })));
  }
}

export function countDeadLetters(queue: DeadLetterQueue): Promise<number> {
  return queue.getJobCountByTypes(...PENDING_STATES);
}

/** Dead letters oldest first, `offset` and `limit` for paging. */
export async function listDeadLetters(queue: DeadLetterQueue, offset = 0, limit = 100): Promise<DeadLetter[]> {
  const jobs = await queue.getJobs([...PENDING_STATES], offset, offset + limit - 1, true);
  return jobs.map((job) => job.data);
}

export interface OpenedDeadLetterQueue {
  queue: DeadLetterQueue;
  close(): Promise<void>;
}

/** For the CLI: the dead-letter queue on its own connection, closed together with it. */
export function openDeadLetterQueue(config: Pick<CoilConfig, 'redisUrl' | 'redisClusterNodes' | 'queuePrefix'>): OpenedDeadLetterQueue {
  const connection = createRedisConnection(config, 'worker');
  const queue = deadLetterQueue(connection, queuePrefix(config));
  return {
    queue,
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
