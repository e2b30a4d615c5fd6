// What every process stands on: typed config, logger, Redis, PostgreSQL, metrics, readiness,
// the durable-queue check and the ordered shutdown, wired once by PlatformModule.
export { loadConfig, NODE_OPTIONS_BY_APP, type CoilConfig } from './config/config';
export { PlatformModule, startProcess, type CoilApp, type PlatformOptions } from './platform.module';
export { COIL_CONFIG, LOGGER, PG_POOL, READINESS_CHECKS, REDIS } from './platform.tokens';
export { pgPoolProvider, redisConnectionProvider } from './connections';
export {
  announceNewScores,
  createRedisConnection,
  queuePrefix,
  readCachePrefix,
  scoresVersionKey,
  waitUntilReady,
  type RedisConnection,
  type RedisPurpose,
} from './redis/redis-connection';
export {
  describeQueueDurability,
  readQueueDurability,
  type PersistenceSettings,
  type QueueDurability,
} from './redis/queue-durability';
export { ShutdownSequence, type ShutdownPhase } from './shutdown/shutdown-sequence';
export { stopWorkerOnShutdown } from './shutdown/queue-worker';
export { createLogger, PinoNestLogger, type StructuredLogger } from './observability/logger';
export {
  ReadinessWarning,
  runReadinessChecks,
  type ReadinessCheck,
  type ReadinessReport,
} from './observability/readiness';
export { counter, gauge, histogram, scrapedGauge } from './observability/metric';
