// Delivery: destinations, the signal outbox, the delivery queue and its attempts, one adapter per destination type.
export { DESTINATION_TYPES, type Destination, type DestinationSettings, type DestinationType } from './contracts/destination';
export type { SendResult } from './contracts/send-result';
export type { SignalSender, TraitSyncer } from './contracts/senders';
export { SlackSender } from './adapters/slack/slack-sender';
export { createTraitSyncers } from './adapters/create-trait-syncers';
export { SignalOutbox } from './outbox/signal-outbox';
export { SignalBaselineRepository, type SignalBaseline } from './outbox/signal-baseline.repository';
export { SignalSubjectRepository } from './outbox/signal-subject.repository';
export { createDelivery, type Delivery, type DeliveryConfig } from './create-delivery';
export { DestinationAdmin, type DestinationView, type TestReport } from './destinations/destination-admin';
export type { DestinationInput } from './destinations/destination-input';
export type { DeliveryRecord } from './deliveries/delivery-log.repository';
export { DeliveryEngine } from './engine/delivery-engine';
export { DELIVERY_JOBS, DELIVERY_QUEUE, DeliveryQueue } from './engine/delivery-queue';
export { deliverySenders, type DeliverySenders } from './sender-registry';
export { WebhookSender } from './adapters/webhook/webhook-sender';
