export { createLogger, PinoNestLogger } from './logger';
export { READINESS_CHECKS, runReadinessChecks, type ReadinessCheck, type ReadinessReport } from './readiness';
export { OpsController } from './ops.controller';
export { counter, gauge, histogram, scrapedGauge } from './metric';
