import { CoilError } from '@coil/domain';
import { isValidWeight, MAX_EVENT_WEIGHT, MIN_EVENT_WEIGHT } from '@coil/scoring';

const MAX_NAME_LENGTH = 200;

/** Names of profiles, features, segments and events: trimmed, 1..200 characters. */
export function parseName(raw: string, what: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw new CoilError('bad_request', 'invalid_parameter', `${what} must be 1 to ${MAX_NAME_LENGTH} characters`);
  }
  return name;
}

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
