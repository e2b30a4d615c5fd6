import type { Traits } from '../../ingest-event';
import { compileValidator } from '../../ingest/validation/compile-validator';
import { traitsSchema } from '../../ingest/validation/common-schemas';
import { prefixErrorPath } from '../../ingest/validation/validation-error';
import { CoilError } from '../../errors';
import type { AmplitudePropertiesInput } from './amplitude-event-schema';

const validateTraits = compileValidator<Traits>(traitsSchema);

/**
 * Amplitude property operations as plain traits, for a "later value wins, null removes" store:
 * plain keys, then $setOnce, then $set (an explicit set beats a set-once of the same call),
 * then $unset as null. Other operations ($add, $append, $clearAll…) have no plain-trait
 * equivalent and are dropped.
 */
export function flattenAmplitudeProperties(properties: AmplitudePropertiesInput, path: string): Traits {
  const plain = Object.fromEntries(Object.entries(properties).filter(([key]) => !key.startsWith('$')));
  const flattened: Traits = { ...plain, ...properties.$setOnce, ...properties.$set, ...unsetAsNull(properties.$unset) };
  try {
    return validateTraits(flattened);
  } catch (error) {
    throw error instanceof CoilError ? prefixErrorPath(error, path) : error;
  }
}

function unsetAsNull(unset: Traits | string[] | undefined): Traits {
  if (unset === undefined) return {};
  const keys = Array.isArray(unset) ? unset : Object.keys(unset);
  return Object.fromEntries(keys.map((key) => [key, null]));
}
