import type { Worker } from 'bullmq';
import type { RedisConnection } from '../redis/redis-connection';
import type { ShutdownSequence } from './shutdown-sequence';

/**
 * Adds the step that stops a BullMQ worker fetching jobs. With Redis up, its active jobs finish
 * first (BullMQ's close). With Redis gone they could never be acknowledged, and a graceful close
 * would wait for Redis forever: the worker is closed at once, and once their locks expire the
 * jobs it held are handed to another worker. A graceful close still running at the deadline is
 * cut short the same way, by the connections closing under it.
 */
export function stopWorkerOnShutdown(shutdown: ShutdownSequence, name: string, worker: Worker, connection: RedisConnection): void {
  shutdown.add('intake', name, () => worker.close(connection.status !== 'ready'));
}
