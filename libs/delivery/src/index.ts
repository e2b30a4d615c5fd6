// Delivery: destinations, the signal outbox, the delivery queue and its attempts, one adapter per destination type.
export { DESTINATION_TYPES, type Destination, type DestinationSettings, type DestinationType } from './contracts/destination';
export type { SendResult } from './contracts/send-result';
export type { SignalSender, TraitSyncer } from './contracts/senders';
export { SlackSender, type SlackSenderConfig } from './adapters/slack/slack-sender';
export { createTraitSyncers, type TraitSyncers } from './adapters/create-trait-syncers';
export { SignalOutbox } from './outbox/signal-outbox';
export { SignalBaselineRepository, type SignalBaseline } from './outbox/signal-baseline.repository';
export { SignalSubjectRepository } from './outbox/signal-subject.repository';
