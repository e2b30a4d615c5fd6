import type { Traits } from '@coil/domain';
import { compareStrings } from './compare-ids';

/** When an update was sent: its time (epoch ms), then its messageId, so that ties never depend on job order. */
export interface Stamp {
  readonly at: number;
  readonly id: string;
}

/** A $setOnce (traitsIfAbsent) later than the key's last $set/$unset, kept because a late $unset may reveal it. */
export interface OnceCandidate extends Stamp {
  readonly value: unknown;
}

/**
 * One key's entry in `trait_clock`. `at`/`id`: its latest $set or $unset (absent: none seen yet),
 * `removed` when that was an $unset; its value when a $set is the key's value in `traits`.
 * `once`: the earliest $setOnce calls later than it, oldest first.
 */
export interface KeyClock {
  at?: number;
  id?: string;
  removed?: true;
  once?: OnceCandidate[];
}

/** Trait key -> its clock: a last-writer-wins map with tombstones, stored beside the traits. */
export type TraitClock = Record<string, KeyClock>;

/** A $set (value) or $unset (null) of one key. */
export interface TraitWrite extends Stamp {
  readonly value: unknown;
}

/** Everything about one key that a later update, in any order, can need. */
export interface KeyState {
  readonly last?: TraitWrite;
  /** Ascending, all later than or as late as `last` (a call's $setOnce follows its own $set/$unset). */
  readonly once: readonly OnceCandidate[];
}

/**
 * Candidates kept per key. All $setOnce calls later than the last write would be needed for an
 * exact result whatever the arrival order (a late $unset reveals the first one after it), but
 * that list grows with every call of a key only ever $setOnce. The earliest few are kept: the
 * result is exact unless a key gets more $setOnce calls than this after its last $set/$unset
 * and then an $unset later than all of the kept ones arrives late.
 */
export const MAX_ONCE_CANDIDATES = 8;

export function compareStamps(a: Stamp, b: Stamp): number {
  return a.at - b.at || compareStrings(a.id, b.id);
}

/** A $set or $unset applies unless the key has a later one; it supersedes the candidates before it. */
export function applyWrite(state: KeyState, write: TraitWrite): KeyState {
  if (state.last !== undefined && compareStamps(write, state.last) < 0) return state;
  return { last: write, once: state.once.filter((candidate) => compareStamps(candidate, write) >= 0) };
}

/** A $setOnce before the last write can never show; a later one joins the candidates (once, in time order). */
export function applyOnce(state: KeyState, once: OnceCandidate): KeyState {
  if (state.last !== undefined && compareStamps(once, state.last) < 0) return state;
  if (state.once.some((candidate) => compareStamps(candidate, once) === 0)) return state;
  const candidates = [...state.once, once].sort(compareStamps).slice(0, MAX_ONCE_CANDIDATES);
  return { last: state.last, once: candidates };
}

/** The same state as applying both histories: the later write, the candidates of either after it. */
export function combineKeyStates(a: KeyState, b: KeyState): KeyState {
  const withWrite = b.last === undefined ? a : applyWrite(a, b.last);
  return b.once.reduce(applyOnce, withWrite);
}

/** The key's value: the last write's when it is a $set, else the earliest $setOnce after it; undefined: absent. */
export function keyValue(state: KeyState): unknown {
  if (state.last !== undefined && state.last.value !== null) return state.last.value;
  return state.once[0]?.value;
}

/**
 * A row's clock with an entry for every key: a key in `traits` without one was written before
 * the clock existed and counts as $set at the row's `traits_at` (messageId '').
 */
export function completeClock(traits: Traits, clock: TraitClock, traitsAt: Date | null): TraitClock {
  const complete = { ...clock };
  for (const key of Object.keys(traits)) {
    if (!Object.hasOwn(complete, key)) complete[key] = { at: traitsAt?.getTime() ?? 0, id: '' };
  }
  return complete;
}

/** One key's state from a row whose clock is complete (completeClock); no entry: never seen. */
export function readKey(traits: Traits, clock: TraitClock, key: string): KeyState {
  const entry = Object.hasOwn(clock, key) ? clock[key] : {};
  const once = entry.once ?? [];
  if (entry.at === undefined) return { once };
  const value = entry.removed ? null : (traits[key] ?? null);
  return { last: { at: entry.at, id: entry.id ?? '', value }, once };
}

/** Stores one key's state into a row's (copied) traits and clock. */
export function writeKey(traits: Traits, clock: TraitClock, key: string, state: KeyState): void {
  const value = keyValue(state);
  if (value === undefined) delete traits[key];
  else traits[key] = value;
  const entry: KeyClock = {};
  if (state.last !== undefined) {
    entry.at = state.last.at;
    entry.id = state.last.id;
    if (state.last.value === null) entry.removed = true;
  }
  if (state.once.length > 0) entry.once = [...state.once];
  clock[key] = entry;
}
