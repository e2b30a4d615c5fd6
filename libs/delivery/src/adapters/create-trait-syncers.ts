import type { SqlClient } from '@coil/database';
import type { TraitSyncer } from '../contracts/senders';
import { ComputedTraitSync } from '../trait-sync/computed-trait-sync';
import { TraitSourceRepository } from '../trait-sync/trait-source.repository';
import { TraitStateRepository } from '../trait-sync/trait-state.repository';
import { HubSpotSyncer } from './hubspot/hubspot-syncer';
import { SegmentSyncer } from './segment/segment-syncer';

export interface TraitSyncers {
  readonly segment: TraitSyncer;
  readonly hubspot: TraitSyncer;
}

/** The reverse syncs wired to PostgreSQL (a pool: reads and state writes need no transaction together). */
export function createTraitSyncers(db: SqlClient, config: { readonly deliveryTimeoutMs: number }): TraitSyncers {
  const traits = new ComputedTraitSync(new TraitSourceRepository(db), new TraitStateRepository(db));
  return { segment: new SegmentSyncer(traits, config), hubspot: new HubSpotSyncer(traits, config) };
}
