import type { TraitValue } from '../signal';
import { draftSignal, type SignalDraft, type SubjectRef } from '../signal-draft';

type Traits = Readonly<Record<string, unknown>>;

export interface TraitChange {
  readonly workspaceId: string;
  readonly subject: SubjectRef;
  /** The workspace's signal_watched_traits. */
  readonly watched: readonly string[];
  /** The stored traits before and after one identify or group call. */
  readonly before: Traits;
  readonly after: Traits;
  /** That call's messageId: the transition. */
  readonly messageId: string;
  /** That call's timestamp. */
  readonly at: Date;
}

/** trait_changed for each watched trait whose value the call changed (added, changed or removed). */
export function traitSignals(change: TraitChange): SignalDraft[] {
  const { workspaceId, subject, messageId, at } = change;
  return change.watched.flatMap((trait) => {
    const before = traitValue(change.before[trait]);
    const after = traitValue(change.after[trait]);
    if (before === after) return [];
    return [draftSignal(workspaceId, 'trait_changed', subject, `${messageId}|${trait}`, at, { trait, before, after })];
  });
}

/** Absent reads as null; an object or array (rare for a watched trait) is sent as its JSON text. */
function traitValue(value: unknown): TraitValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
