import type { SendResult } from '../contracts/send-result';
import type { ComputedTraits } from './computed-traits';

/** An account whose computed traits changed, with the ids the destinations find it by. */
export interface AccountTraitChange {
  readonly id: string;
  readonly trackingId: string;
  readonly domain: string | null;
  readonly memberExternalId: string | null;
  /** Only the traits that changed. */
  readonly traits: ComputedTraits;
}

export interface UserTraitChange {
  readonly id: string;
  readonly externalId: string;
  readonly traits: ComputedTraits;
}

/** What a destination made of one page of changes. */
export interface PushOutcome {
  /** Ids of the subjects it accepted: their state is recorded. */
  readonly accepted: readonly string[];
  /**
   * Ids of the subjects it has no record of (HubSpot: no company with that domain or tracking
   * id). Their state is recorded too, as if sent: resending every unmatched account after each
   * scoring run would spend the API's rate limit on nothing. A company created later gets its
   * traits with the account's next change.
   */
  readonly unmatched: readonly string[];
  /** How many it refused for their data while accepting the rest (a partial batch failure): sent again next sync. */
  readonly rejected: number;
  readonly rejection?: string;
  /** The last HTTP status it answered. */
  readonly statusCode?: number;
  /** The request failed as a whole (429, 5xx, a bad token, no answer): the sync stops with it. */
  readonly failure?: SendResult;
}

/**
 * One reverse-sync destination for the length of one sync (a client per sync, so nothing is
 * shared between destinations): sends pages of changed traits and says which subjects it took.
 */
export interface TraitSink {
  accounts(changes: readonly AccountTraitChange[]): Promise<PushOutcome>;
  /** Null when the destination has no users (HubSpot companies). */
  readonly users: ((changes: readonly UserTraitChange[]) => Promise<PushOutcome>) | null;
  close(): Promise<void>;
}
