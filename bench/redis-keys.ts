import IORedis from 'ioredis';

/** Removes what a part left in Redis under its own prefix (queues, caches), so later parts start clean. */
export async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new IORedis(redisUrl);
  const keys = await redis.keys(pattern);
  for (let start = 0; start < keys.length; start += 1000) await redis.del(...keys.slice(start, start + 1000));
  redis.disconnect();
}
