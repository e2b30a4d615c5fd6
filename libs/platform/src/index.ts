// What every process stands on: typed config, logger, Redis, PostgreSQL, metrics, readiness,
// the durable-queue check and the ordered shutdown, wired once by PlatformModule.
export { loadConfig, NODE_OPTIONS_BY_APP, parseDuration, type CoilConfig, type CorsOriginList } from './config/config';
export { PlatformModule, startProcess, type CoilApp, type PlatformOptions } from './platform.module';
export { COIL_CONFIG, LOGGER, PG_POOL, REDIS } from './platform.tokens';
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
export { ShutdownSequence, type ShutdownPhase } from './shutdown/shutdown-sequence';
export { stopWorkerOnShutdown } from './shutdown/queue-worker';
export { createLogger, PinoNestLogger, type StructuredLogger } from './observability/logger';
export { counter, gauge, histogram, scrapedGauge } from './observability/metric';
export { withTimeout } from './time-limit';
