import { CoilError } from './errors';

const MAX_BIGINT = 2n ** 63n - 1n;
const MAX_NAME_LENGTH = 200;

/**
 * Ids cross every boundary (CLI flags, JSON, job data, SQL parameters) as decimal text; the
 * BIGINT columns behind them take 1..2^63-1.
 */
export function parseId(raw: string, what: string): string {
  if (!/^[1-9][0-9]{0,18}$/.test(raw) || BigInt(raw) > MAX_BIGINT) {
    throw new CoilError('bad_request', 'invalid_parameter', `${what} must be a positive integer, got "${raw}"`);
  }
  return raw;
}

export function parseWorkspaceId(raw: string): string {
  return parseId(raw, 'workspace id');
}

/** Names of workspaces, profiles, features, segments and events: trimmed, 1..200 characters. */
export function parseName(raw: string, what: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw new CoilError('bad_request', 'invalid_parameter', `${what} must be 1 to ${MAX_NAME_LENGTH} characters`);
  }
  return name;
}
