import type { Traits } from '../../ingest-event';
import { compileValidator } from '../../ingest/validation/compile-validator';
import { traitsSchema } from '../../ingest/validation/common-schemas';
import { prefixErrorPath } from '../../ingest/validation/validation-error';
import { CoilError } from '../../errors';
import type { AmplitudePropertiesInput } from './amplitude-event-schema';

const validateTraits = compileValidator<Traits>(traitsSchema);

/** Amplitude property operations in the two forms an IngestEvent carries. */
export interface AmplitudeTraitChanges {
  /** Plain keys and $set (later value wins), $unset as null (removes the key). */
  traits: Traits;
  /** $setOnce: applied by the roll-up only to keys the stored traits lack (IngestEvent.traitsIfAbsent). */
  traitsIfAbsent: Traits;
}

/**
 * Amplitude property operations as trait changes: plain keys, then $set (an explicit set beats a
 * plain key of the same call), then $unset as null; $setOnce keeps only the keys none of those
 * touch, since a set or unset in the same call says what the key must be now. Other operations
 * ($add, $append, $clearAll…) have no plain-trait equivalent and are dropped.
 */
export function flattenAmplitudeProperties(properties: AmplitudePropertiesInput, path: string): AmplitudeTraitChanges {
  const plain = Object.fromEntries(Object.entries(properties).filter(([key]) => !key.startsWith('$')));
  const traits: Traits = { ...plain, ...properties.$set, ...unsetAsNull(properties.$unset) };
  const traitsIfAbsent = Object.fromEntries(Object.entries(properties.$setOnce ?? {}).filter(([key]) => !Object.hasOwn(traits, key)));
  return { traits: validated(traits, path), traitsIfAbsent: validated(traitsIfAbsent, path) };
}

export const NO_CHANGES: AmplitudeTraitChanges = { traits: {}, traitsIfAbsent: {} };

export function hasChanges(changes: AmplitudeTraitChanges): boolean {
  return Object.keys(changes.traits).length + Object.keys(changes.traitsIfAbsent).length > 0;
}

/** An account's changes with its Amplitude group type kept as the trait `group_type` (docs/ingest.md, "Amplitude"). */
export function withGroupType(changes: AmplitudeTraitChanges, groupType: string): AmplitudeTraitChanges {
  return { traits: { ...changes.traits, group_type: groupType }, traitsIfAbsent: changes.traitsIfAbsent };
}

function validated(traits: Traits, path: string): Traits {
  try {
    return validateTraits(traits);
  } catch (error) {
    throw error instanceof CoilError ? prefixErrorPath(error, path) : error;
  }
}

function unsetAsNull(unset: Traits | string[] | undefined): Traits {
  if (unset === undefined) return {};
  const keys = Array.isArray(unset) ? unset : Object.keys(unset);
  return Object.fromEntries(keys.map((key) => [key, null]));
}
