import { CoilError } from '@coil/domain';

const MAX_BIGINT = 2n ** 63n - 1n;
const MAX_NAME_LENGTH = 200;

/** Ids arrive as text (CLI flags, JSON); a BIGINT column takes 1..2^63-1. */
export function parseId(raw: string, what: string): bigint {
  const value = /^[1-9][0-9]{0,18}$/.test(raw) ? BigInt(raw) : 0n;
  if (value < 1n || value > MAX_BIGINT) {
    throw new CoilError('bad_request', 'invalid_parameter', `${what} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export function parseWorkspaceName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw new CoilError('bad_request', 'invalid_parameter', `workspace name must be 1 to ${MAX_NAME_LENGTH} characters`);
  }
  return name;
}
