import type { IngestEvent, Traits } from '@coil/domain';
import type { TraitUpdate } from './merge-traits';
import { normalizeTraits } from './normalize-traits';
import { subjectId } from './events';

export interface KeyedTraitUpdate extends TraitUpdate {
  /** External user id (identify) or account tracking id (group). */
  key: string;
}

export interface TraitUpdatePlan {
  users: KeyedTraitUpdate[];
  accounts: KeyedTraitUpdate[];
}

function hasKeys(traits: Traits | undefined): traits is Traits {
  return traits !== undefined && Object.keys(traits).length > 0;
}

/** The update of one identify or group call; `traitsIfAbsent` only when it has keys. */
function traitUpdateOf(event: IngestEvent): Omit<KeyedTraitUpdate, 'key'> {
  const update = { traits: normalizeTraits(event.traits ?? {}), at: new Date(event.timestamp), messageId: event.messageId };
  return hasKeys(event.traitsIfAbsent) ? { ...update, traitsIfAbsent: normalizeTraits(event.traitsIfAbsent) } : update;
}

/** Identify traits go to the user, group traits to the account (docs/ingest.md, "Semantics"). */
export function planTraitUpdates(events: IngestEvent[]): TraitUpdatePlan {
  const plan: TraitUpdatePlan = { users: [], accounts: [] };
  for (const event of events) {
    if (!hasKeys(event.traits) && !hasKeys(event.traitsIfAbsent)) continue;
    const update = traitUpdateOf(event);
    const subject = subjectId(event);
    if (event.type === 'identify' && subject !== undefined) plan.users.push({ key: subject, ...update });
    if (event.type === 'group' && event.groupId) plan.accounts.push({ key: event.groupId, ...update });
  }
  return plan;
}

/** Every account tracking id a batch names, sorted. */
export function trackingIdsOf(events: IngestEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) if (event.groupId) ids.add(event.groupId);
  return [...ids].sort();
}
