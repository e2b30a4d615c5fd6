import { traitSignals, type SignalDraft, type SubjectRef } from '@coil/signals';
import { chronological, mergeTraits, type StoredTraits } from './merge-traits';
import type { KeyedTraitUpdate } from './plan-trait-updates';

/** What a roll-up signals about traits: the workspace's watched traits, from its baseline on. */
export interface TraitWatch {
  readonly workspaceId: string;
  readonly watched: readonly string[];
  /** Calls timestamped before it (history, a backfill) change traits silently. */
  readonly baselineAt: Date;
}

export interface WatchedUpdates {
  readonly merged: StoredTraits;
  readonly drafts: SignalDraft[];
}

/**
 * Applies one row's updates oldest first, as applyTraitUpdates does, and derives trait_changed
 * from the stored traits before and after each call. `watch` null: nothing signals (no baseline).
 * A subject's first traits introduce it rather than change it: a signup sending its plan is
 * no news (the New segment tells of new accounts), so only later calls signal.
 */
export function applyWatchedUpdates(
  stored: StoredTraits,
  updates: readonly KeyedTraitUpdate[],
  subject: SubjectRef,
  watch: TraitWatch | null,
): WatchedUpdates {
  const drafts: SignalDraft[] = [];
  let merged = stored;
  for (const update of chronological(updates)) {
    const next = mergeTraits(merged, update);
    if (watch !== null && merged.traitsAt !== null && update.at.getTime() >= watch.baselineAt.getTime()) {
      const { workspaceId, watched } = watch;
      drafts.push(
        ...traitSignals({
          workspaceId,
          subject,
          watched,
          before: merged.traits,
          after: next.traits,
          messageId: update.messageId,
          at: update.at,
        }),
      );
    }
    merged = next;
  }
  return { merged, drafts };
}
