import IORedis, { Cluster, type RedisOptions } from 'ioredis';
import type { CoilConfig } from '../config/config';

export type RedisConnection = IORedis | Cluster;

export type RedisPurpose = 'producer' | 'worker' | 'cache';

/**
 * BullMQ needs `maxRetriesPerRequest: null` on worker connections (blocking commands); the
 * ingest wants the opposite, a fast failure, so that it can answer 503 instead of hanging;
 * the read API's cache fails fast too and pipelines its many small concurrent reads.
 */
export function createRedisConnection(config: Pick<CoilConfig, 'redisUrl' | 'redisClusterNodes'>, purpose: RedisPurpose): RedisConnection {
  const failFast: RedisOptions = { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 };
  const options: RedisOptions =
    purpose === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { ...failFast, enableAutoPipelining: purpose === 'cache' };
  if (config.redisClusterNodes.length > 0) {
    const nodes = config.redisClusterNodes.map((node) => {
      const [host, portText] = node.split(':');
      return { host, port: Number(portText) };
    });
    return new Cluster(nodes, {
      redisOptions: options,
      enableOfflineQueue: purpose === 'worker',
      enableAutoPipelining: purpose === 'cache',
    });
  }
  return new IORedis(config.redisUrl, options);
}

/** BullMQ prefix with a hash tag, so each queue's keys share one slot on Redis Cluster. */
export function queuePrefix(config: Pick<CoilConfig, 'queuePrefix'>): string {
  return `{${config.queuePrefix}}`;
}

/**
 * Resolves once the connection is ready, or after `timeoutMs` whatever its state: a process
 * starting while Redis is down still starts, reports not-ready and answers 503 until it is up.
 */
export function waitUntilReady(connection: RedisConnection, timeoutMs: number): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      connection.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    connection.once('ready', done);
  });
}

/** Leads every key of the read API's cache (traits, segments, insights, metrics). */
export function readCachePrefix(config: Pick<CoilConfig, 'queuePrefix'>): string {
  return `${config.queuePrefix}:read`;
}

/**
 * Bumped by the worker after each scoring run of a workspace: cached account metrics computed
 * under an older version are stale, so scores are served fresh however long metrics are cached.
 */
export function scoresVersionKey(readPrefix: string, workspaceId: string): string {
  return `${readPrefix}:{ws:${workspaceId}}:scores-version`;
}

/** Tells the read API that these workspaces have new scores (see scoresVersionKey). */
export async function announceNewScores(
  connection: RedisConnection,
  config: Pick<CoilConfig, 'queuePrefix'>,
  workspaceIds: readonly string[],
): Promise<void> {
  const prefix = readCachePrefix(config);
  await Promise.all(workspaceIds.map((workspaceId) => connection.incr(scoresVersionKey(prefix, workspaceId))));
}
