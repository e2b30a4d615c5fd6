import type { Traits } from '@coil/domain';
import { applyOnce, applyWrite, combineKeyStates, compareStamps, completeClock, readKey, writeKey, type TraitClock } from './trait-clock';

/** Traits as stored on a user or account row, with their per-key clock and the time of the newest update applied. */
export interface StoredTraits {
  traits: Traits;
  clock: TraitClock;
  traitsAt: Date | null;
}

export interface TraitUpdate {
  traits: Traits;
  /** Amplitude's $setOnce: each key takes the earliest such value after its last $set/$unset (see mergeTraits). */
  traitsIfAbsent?: Traits;
  at: Date;
  /** The identify or group call's messageId: orders updates sent at the same time. */
  messageId: string;
}

/**
 * Applies one update, key by key, as if every update had been applied in time order (then by
 * messageId), whatever order they arrive in and however often: the per-key clock keeps the
 * latest $set/$unset of each key (`null` removes the key, and the tombstone stays) and the
 * earliest $setOnce calls after it. A late older $set therefore never brings back a key removed
 * later, and a $setOnce keeps the earliest value sent after the key's last $set/$unset.
 */
export function mergeTraits(stored: StoredTraits, update: TraitUpdate): StoredTraits {
  const traits: Traits = { ...stored.traits };
  const clock = completeClock(stored.traits, stored.clock, stored.traitsAt);
  const stamp = { at: update.at.getTime(), id: update.messageId };
  for (const [key, value] of Object.entries(update.traits)) {
    if (value !== undefined) writeKey(traits, clock, key, applyWrite(readKey(traits, clock, key), { ...stamp, value }));
  }
  for (const [key, value] of Object.entries(update.traitsIfAbsent ?? {})) {
    if (value !== undefined && value !== null) writeKey(traits, clock, key, applyOnce(readKey(traits, clock, key), { ...stamp, value }));
  }
  return { traits, clock, traitsAt: stored.traitsAt !== null && stored.traitsAt > update.at ? stored.traitsAt : update.at };
}

/** Updates in time order, then by messageId: the order signals about them are derived in. */
export function chronological<T extends TraitUpdate>(updates: readonly T[]): T[] {
  const stampOf = (update: TraitUpdate) => ({ at: update.at.getTime(), id: update.messageId });
  return [...updates].sort((a, b) => compareStamps(stampOf(a), stampOf(b)));
}

/** Applies updates (in time order, though the result does not depend on it). */
export function applyTraitUpdates(stored: StoredTraits, updates: TraitUpdate[]): StoredTraits {
  return chronological(updates).reduce(mergeTraits, stored);
}

export const NO_TRAITS: StoredTraits = { traits: {}, clock: {}, traitsAt: null };

/** One person's traits from several merged user rows: key by key, as if all their updates had been applied to one row. */
export function combineStoredTraits(rows: StoredTraits[]): StoredTraits {
  const traits: Traits = {};
  const clock: TraitClock = {};
  let traitsAt: Date | null = null;
  for (const row of rows) {
    const rowClock = completeClock(row.traits, row.clock, row.traitsAt);
    for (const key of Object.keys(rowClock)) {
      writeKey(traits, clock, key, combineKeyStates(readKey(traits, clock, key), readKey(row.traits, rowClock, key)));
    }
    if (row.traitsAt !== null && (traitsAt === null || row.traitsAt > traitsAt)) traitsAt = row.traitsAt;
  }
  return { traits, clock, traitsAt };
}
