import { Cluster } from 'ioredis';
import { gauge } from '../observability/metric';
import type { RedisConnection } from './redis-connection';

/** The Redis settings that decide whether an accepted (202) event survives a Redis restart. */
export interface PersistenceSettings {
  appendonly: string;
  appendfsync: string;
  maxmemoryPolicy: string;
}

export type QueueDurability =
  | ({ state: 'durable' | 'not_durable' } & PersistenceSettings)
  /** Redis refused CONFIG (managed Redis often does) or did not answer. */
  | { state: 'unknown'; reason: string };

const durable = gauge(
  'coil_queue_durable',
  'Whether the Redis holding the queue keeps accepted events across a restart (appendonly yes, maxmemory-policy noeviction): 1 yes, 0 no or unknown; labels: the settings read, "unknown" when Redis refused CONFIG',
  ['appendonly', 'appendfsync', 'maxmemory_policy'],
);

/** One Redis server, as far as reading its settings goes. */
export interface RedisConfigReader {
  config(subcommand: 'GET', parameter: string): Promise<unknown>;
}

async function configValue(node: RedisConfigReader, name: string): Promise<string> {
  const reply = await node.config('GET', name);
  const value: unknown = Array.isArray(reply) ? (reply as unknown[])[1] : undefined;
  if (typeof value !== 'string') throw new Error(`CONFIG GET ${name} returned no value`);
  return value;
}

async function readSettings(node: RedisConfigReader): Promise<PersistenceSettings> {
  const [appendonly, appendfsync, maxmemoryPolicy] = await Promise.all(
    ['appendonly', 'appendfsync', 'maxmemory-policy'].map((name) => configValue(node, name)),
  );
  return { appendonly, appendfsync, maxmemoryPolicy };
}

function isDurable(settings: PersistenceSettings): boolean {
  return settings.appendonly === 'yes' && settings.maxmemoryPolicy === 'noeviction';
}

/** Reads every master the queue may live on (one, or each of a Cluster). */
export function readQueueDurability(redis: RedisConnection): Promise<QueueDurability> {
  return durabilityOf(redis instanceof Cluster ? redis.nodes('master') : [redis]);
}

/** The least durable server decides; any that refuses CONFIG or does not answer makes it unknown. */
export async function durabilityOf(nodes: RedisConfigReader[]): Promise<QueueDurability> {
  if (nodes.length === 0) return { state: 'unknown', reason: 'no Redis master known yet' };
  try {
    const settings = await Promise.all(nodes.map(readSettings));
    const weakest = settings.find((node) => !isDurable(node)) ?? settings[0];
    return { state: isDurable(weakest) ? 'durable' : 'not_durable', ...weakest };
  } catch (error) {
    return { state: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The gauge shows the latest reading only. */
export function recordQueueDurability(durability: QueueDurability): void {
  durable.reset();
  const labels =
    durability.state === 'unknown'
      ? { appendonly: 'unknown', appendfsync: 'unknown', maxmemory_policy: 'unknown' }
      : { appendonly: durability.appendonly, appendfsync: durability.appendfsync, maxmemory_policy: durability.maxmemoryPolicy };
  durable.set(labels, durability.state === 'durable' ? 1 : 0);
}

/** What an operator reads in the log and in /readyz. */
export function describeQueueDurability(durability: QueueDurability): string {
  if (durability.state === 'unknown') {
    return `queue durability unknown: could not read Redis's persistence settings (${durability.reason})`;
  }
  const settings = `appendonly=${durability.appendonly}, appendfsync=${durability.appendfsync}, maxmemory-policy=${durability.maxmemoryPolicy}`;
  if (durability.state === 'durable') return `queue durable (${settings})`;
  return (
    `queue NOT durable (${settings}): accepted events (202) can be lost when Redis restarts or evicts keys; ` +
    'run Redis with --appendonly yes --maxmemory-policy noeviction'
  );
}
