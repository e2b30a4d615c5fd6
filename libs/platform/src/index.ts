// What every process stands on: typed config, logger, Redis, metrics, readiness.
export { loadConfig, NODE_OPTIONS_BY_APP, type CoilConfig } from './config/config';
export {
  announceNewScores,
  createRedisConnection,
  queuePrefix,
  readCachePrefix,
  scoresVersionKey,
  waitUntilReady,
  type RedisConnection,
} from './redis/redis-connection';
export { createLogger, PinoNestLogger } from './observability/logger';
export {
  READINESS_CHECKS,
  runReadinessChecks,
  type ReadinessCheck,
  type ReadinessReport,
} from './observability/readiness';
export { OpsController } from './observability/ops.controller';
export { counter, gauge, histogram, scrapedGauge } from './observability/metric';
