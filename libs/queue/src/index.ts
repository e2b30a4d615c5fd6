export { createRedisConnection, queuePrefix, waitUntilReady, type RedisConnection } from './redis-connection';
