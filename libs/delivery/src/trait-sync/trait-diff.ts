import type { ComputedTraits, ComputedTraitValue } from './computed-traits';

/**
 * The traits to send: those whose value differs from what the destination last received, and
 * null for those it received that no longer exist (a deleted profile). Null when nothing changed.
 */
export function changedTraits(current: ComputedTraits, sent: ComputedTraits | undefined): ComputedTraits | null {
  const changed: Record<string, ComputedTraitValue> = {};
  for (const [key, value] of Object.entries(current)) {
    if (sent === undefined || !(key in sent) || !sameValue(sent[key], value)) changed[key] = value;
  }
  for (const [key, value] of Object.entries(sent ?? {})) {
    if (!(key in current) && value !== null) changed[key] = null;
  }
  return Object.keys(changed).length > 0 ? changed : null;
}

function sameValue(a: ComputedTraitValue, b: ComputedTraitValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}
