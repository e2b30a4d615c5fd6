import type { Destination } from '../../contracts/destination';
import type { SendResult } from '../../contracts/send-result';
import type { TraitSyncer } from '../../contracts/senders';
import type { ComputedTraitSync } from '../../trait-sync/computed-trait-sync';
import { HubSpotSink, TRACKING_ID_PROPERTY } from './hubspot-sink';

/** The HubSpot reverse sync: the destination's secret is a private app's access token, its URL the API's base path. */
export class HubSpotSyncer implements TraitSyncer {
  constructor(
    private readonly traits: Pick<ComputedTraitSync, 'run'>,
    private readonly config: { readonly deliveryTimeoutMs: number },
  ) {}

  sync(destination: Destination, now: Date): Promise<SendResult> {
    if (!destination.secret) return Promise.resolve({ outcome: 'failed', error: 'the destination has no HubSpot access token' });
    if (!URL.canParse(destination.url)) return Promise.resolve({ outcome: 'failed', error: 'the destination URL is not a valid URL' });
    const sink = new HubSpotSink({
      accessToken: destination.secret,
      basePath: destination.url.replace(/\/+$/, ''),
      match: destination.settings.match ?? TRACKING_ID_PROPERTY,
      timeoutMs: this.config.deliveryTimeoutMs,
    });
    return this.traits.run(destination, now, sink);
  }
}
