import type { Destination } from '../../contracts/destination';
import type { SendResult } from '../../contracts/send-result';
import type { TraitSyncer } from '../../contracts/senders';
import type { ComputedTraitSync } from '../../trait-sync/computed-trait-sync';
import { SegmentSink } from './segment-sink';

/** The Segment reverse sync: the destination's secret is the source's write key, its URL the API host. */
export class SegmentSyncer implements TraitSyncer {
  constructor(
    private readonly traits: Pick<ComputedTraitSync, 'run'>,
    private readonly config: { readonly deliveryTimeoutMs: number },
  ) {}

  sync(destination: Destination, now: Date): Promise<SendResult> {
    if (!destination.secret) return Promise.resolve({ outcome: 'failed', error: 'the destination has no Segment write key' });
    if (!URL.canParse(destination.url)) return Promise.resolve({ outcome: 'failed', error: 'the destination URL is not a valid URL' });
    const sink = new SegmentSink({ writeKey: destination.secret, host: destination.url, timeoutMs: this.config.deliveryTimeoutMs }, now);
    return this.traits.run(destination, now, sink);
  }
}
