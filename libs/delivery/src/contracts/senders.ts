import type { Signal } from '@coil/signals';
import type { Destination } from './destination';
import type { SendResult } from './send-result';

/**
 * Sends signals to a webhook or Slack destination: one signal, or (a Slack digest) every
 * signal of an interval in one message. The delivery engine records the result and retries.
 */
export interface SignalSender {
  send(destination: Destination, signals: readonly Signal[]): Promise<SendResult>;
}

/**
 * A reverse sync (Segment, HubSpot): after a scoring run, sends the computed traits whose
 * value changed since what this destination last received, and remembers what it sent.
 */
export interface TraitSyncer {
  sync(destination: Destination, now: Date): Promise<SendResult>;
}
