export { createRedisConnection, queuePrefix, type RedisConnection } from './redis-connection';
