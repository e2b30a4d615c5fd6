import type { DestinationType } from './contracts/destination';
import type { SignalSender, TraitSyncer } from './contracts/senders';
import { WebhookSender } from './adapters/webhook/webhook-sender';

export type SignalDestinationType = Extract<DestinationType, 'webhook' | 'slack'>;
export type SyncDestinationType = Extract<DestinationType, 'segment' | 'hubspot'>;

/** The sender of every destination type, as the engine and `destination test` use them. */
export interface DeliverySenders {
  readonly signals: Readonly<Record<SignalDestinationType, SignalSender>>;
  readonly syncers: Readonly<Record<SyncDestinationType, TraitSyncer>>;
}

/** The adapters over the official libraries (Slack, Segment, HubSpot), built by the caller. */
export interface DestinationAdapters {
  readonly slack: SignalSender;
  readonly segment: TraitSyncer;
  readonly hubspot: TraitSyncer;
}

/** The webhook sender and the given adapters, one per type. */
export function deliverySenders(config: { readonly deliveryTimeoutMs: number }, adapters: DestinationAdapters): DeliverySenders {
  return {
    signals: { webhook: new WebhookSender(config.deliveryTimeoutMs), slack: adapters.slack },
    syncers: { segment: adapters.segment, hubspot: adapters.hubspot },
  };
}

export function isSyncType(type: DestinationType): type is SyncDestinationType {
  return type === 'segment' || type === 'hubspot';
}
