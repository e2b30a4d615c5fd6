import { CoilError, parseName } from '@coil/domain';
import { isValidWeight, MAX_EVENT_WEIGHT, MIN_EVENT_WEIGHT } from '@coil/scoring';

export function parseWeight(raw: string | number): number {
  const weight = typeof raw === 'number' ? raw : /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!isValidWeight(weight)) {
    throw new CoilError(
      'bad_request',
      'invalid_parameter',
      `weight must be an integer from ${MIN_EVENT_WEIGHT} to ${MAX_EVENT_WEIGHT}, got "${raw}"`,
    );
  }
  return weight;
}

/** `A,B` -> ['A', 'B']: trimmed, duplicates dropped, at least one. */
export function parseEventList(raw: string): string[] {
  const events = [...new Set(raw.split(',').map((event) => parseName(event, 'event name')))];
  if (events.length === 0) throw new CoilError('bad_request', 'invalid_parameter', 'give at least one event');
  return events;
}

/** A trait key as settings store it: trimmed, 1 to 200 characters, no control characters. */
export function parseTraitKey(raw: string, what = 'trait key'): string {
  const key = parseName(raw, what);
  if ([...key].some(isControlCharacter)) {
    throw new CoilError('bad_request', 'invalid_parameter', `${what} must not contain control characters`);
  }
  return key;
}

/** C0, DEL and C1: invisible in a terminal, never part of a key anyone means to type. */
function isControlCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}
