/** Injection tokens of what PlatformModule provides to every app; defined here only. */
export const COIL_CONFIG = Symbol('COIL_CONFIG');
export const LOGGER = Symbol('LOGGER');
/** The app's Redis connection, opened for the app's purpose (createRedisConnection). */
export const REDIS = Symbol('REDIS');
/** The app's PostgreSQL pool (PlatformOptions.pgPoolSize connections). */
export const PG_POOL = Symbol('PG_POOL');
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
