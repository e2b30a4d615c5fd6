// Delivery: destinations, the signal outbox, the delivery queue and its attempts, one adapter per destination type.
export { DESTINATION_TYPES, type Destination, type DestinationSettings, type DestinationType } from './contracts/destination';
export type { SendResult } from './contracts/send-result';
export type { SignalSender, TraitSyncer } from './contracts/senders';
export { SignalOutbox } from './outbox/signal-outbox';
export { SignalSettingsRepository, type SignalSettings } from './outbox/signal-settings.repository';
export { SignalSubjectRepository } from './outbox/signal-subject.repository';
