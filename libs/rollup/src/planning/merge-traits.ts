import type { Traits } from '@coil/domain';

/** Traits as stored on a user or account row, with the time of the newest update applied. */
export interface StoredTraits {
  traits: Traits;
  traitsAt: Date | null;
}

export interface TraitUpdate {
  traits: Traits;
  /** Keys set only when the row lacks them once `traits` is applied (Amplitude's $setOnce). */
  traitsIfAbsent?: Traits;
  at: Date;
}

/**
 * Applies one update. A newer (or equally new) update wins key by key and `null` removes a key.
 * An update older than the row's traits_at arrived late: it may only fill keys the row lacks,
 * never overwrite or remove, because the row keeps one time for all keys, not one per key.
 * `traitsIfAbsent` fills only keys the row lacks, whatever the update's time: applying the same
 * update again changes nothing, and the first value a key ever got stays.
 */
export function mergeTraits(stored: StoredTraits, update: TraitUpdate): StoredTraits {
  const isNewer = stored.traitsAt === null || update.at.getTime() >= stored.traitsAt.getTime();
  const traits: Traits = { ...stored.traits };
  for (const [key, value] of Object.entries(update.traits)) {
    if (value === undefined) continue;
    if (isNewer) {
      if (value === null) delete traits[key];
      else traits[key] = value;
    } else if (value !== null && !Object.hasOwn(traits, key)) {
      traits[key] = value;
    }
  }
  for (const [key, value] of Object.entries(update.traitsIfAbsent ?? {})) {
    if (value !== undefined && value !== null && !Object.hasOwn(traits, key)) traits[key] = value;
  }
  return { traits, traitsAt: isNewer ? update.at : stored.traitsAt };
}

/** Updates oldest first, the order they are applied in, so that within a batch the latest value wins. */
export function chronological<T extends TraitUpdate>(updates: readonly T[]): T[] {
  return [...updates].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Applies updates oldest first (chronological). */
export function applyTraitUpdates(stored: StoredTraits, updates: TraitUpdate[]): StoredTraits {
  return chronological(updates).reduce(mergeTraits, stored);
}

/** One person's traits from several merged user rows: the row updated last wins key by key. */
export function combineStoredTraits(rows: StoredTraits[]): StoredTraits {
  const updates = rows.map((row) => ({ traits: row.traits, at: row.traitsAt ?? new Date(0) }));
  const combined = applyTraitUpdates({ traits: {}, traitsAt: null }, updates);
  const anyTime = rows.some((row) => row.traitsAt !== null);
  return { traits: combined.traits, traitsAt: anyTime ? combined.traitsAt : null };
}
