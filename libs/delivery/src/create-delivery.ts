import type { Pool } from 'pg';
import { queuePrefix, type CoilConfig, type RedisConnection, type StructuredLogger } from '@coil/platform';
import { WorkspaceRepository } from '@coil/workspaces';
import { DeliveryLogRepository } from './deliveries/delivery-log.repository';
import { DestinationAdmin } from './destinations/destination-admin';
import { DestinationRepository } from './destinations/destination.repository';
import { SecretBox } from './destinations/secret-box';
import { DeliveryEngine } from './engine/delivery-engine';
import { DeliveryQueue } from './engine/delivery-queue';
import { DeliveryRepository } from './engine/delivery.repository';
import { deliverySenders, type DeliverySenders } from './sender-registry';
import { createTraitSyncers } from './adapters/create-trait-syncers';
import { SlackSender } from './adapters/slack/slack-sender';

export type DeliveryConfig = Pick<
  CoilConfig,
  'queuePrefix' | 'secretKey' | 'publicUrl' | 'deliveryRetrySchedule' | 'deliveryDisableAfterMs' | 'deliveryTimeoutMs'
>;

/** The delivery engine (the worker runs it), the admin (the CLI uses it) and the queue they share. */
export interface Delivery {
  readonly engine: DeliveryEngine;
  readonly admin: DestinationAdmin;
  readonly queue: DeliveryQueue;
}

/** Wires delivery to PostgreSQL, the delivery queue on `redis`, and the senders of each type. */
export function createDelivery(
  pool: Pool,
  redis: RedisConnection,
  config: DeliveryConfig,
  logger: StructuredLogger,
  senders: DeliverySenders = deliverySenders(config, { slack: new SlackSender(config), ...createTraitSyncers(pool, config) }),
): Delivery {
  const box = new SecretBox(config.secretKey, () =>
    logger.warn({}, 'COIL_SECRET_KEY is not set: destination secrets (signing secrets, Slack URLs, tokens) are stored unencrypted'),
  );
  const destinations = new DestinationRepository(pool);
  const queue = DeliveryQueue.open(redis, queuePrefix(config));
  const engine = new DeliveryEngine(
    new DeliveryRepository(pool),
    destinations,
    box,
    queue,
    senders,
    { retrySchedule: config.deliveryRetrySchedule, disableAfterMs: config.deliveryDisableAfterMs, timeoutMs: config.deliveryTimeoutMs },
    logger,
  );
  const admin = new DestinationAdmin(
    new WorkspaceRepository(pool),
    destinations,
    new DeliveryLogRepository(pool),
    box,
    senders,
    (workspaceId) => engine.dispatch(workspaceId),
  );
  return { engine, admin, queue };
}
