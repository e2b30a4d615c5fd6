export {
  announceNewScores,
  createRedisConnection,
  queuePrefix,
  readCachePrefix,
  scoresVersionKey,
  waitUntilReady,
  type RedisConnection,
} from './redis-connection';
