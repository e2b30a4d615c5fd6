import type { DestinationType } from './contracts/destination';
import type { SendResult } from './contracts/send-result';
import type { SignalSender, TraitSyncer } from './contracts/senders';
import { WebhookSender } from './webhook/webhook-sender';

export type SignalDestinationType = Extract<DestinationType, 'webhook' | 'slack'>;
export type SyncDestinationType = Extract<DestinationType, 'segment' | 'hubspot'>;

/** The sender of every destination type, as the engine and `destination test` use them. */
export interface DeliverySenders {
  readonly signals: Readonly<Record<SignalDestinationType, SignalSender>>;
  readonly syncers: Readonly<Record<SyncDestinationType, TraitSyncer>>;
}

/** The adapters over the official libraries (Slack, Segment, HubSpot), built by the caller. */
export type DestinationAdapters = Partial<{ slack: SignalSender; segment: TraitSyncer; hubspot: TraitSyncer }>;

/** A type whose adapter this build lacks: its attempts fail, visibly, and can be retried later. */
function missing(type: DestinationType): SignalSender & TraitSyncer {
  const result: SendResult = { outcome: 'failed', error: `no ${type} adapter in this build` };
  return { send: () => Promise.resolve(result), sync: () => Promise.resolve(result) };
}

/** The webhook sender and the given adapters, one per type. */
export function deliverySenders(config: { readonly deliveryTimeoutMs: number }, adapters: DestinationAdapters): DeliverySenders {
  return {
    signals: { webhook: new WebhookSender(config.deliveryTimeoutMs), slack: adapters.slack ?? missing('slack') },
    syncers: { segment: adapters.segment ?? missing('segment'), hubspot: adapters.hubspot ?? missing('hubspot') },
  };
}

export function isSyncType(type: DestinationType): type is SyncDestinationType {
  return type === 'segment' || type === 'hubspot';
}
