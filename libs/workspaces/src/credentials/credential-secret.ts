import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CREDENTIAL_PREFIX, type CredentialKind } from './credential-kind';

// 256 bits: guessing is hopeless, so a fast unsalted SHA-256 is enough at rest.
const SECRET_BYTES = 32;
// Enough of the secret to tell keys apart in listings while revealing a negligible part of it.
const VISIBLE_SECRET_CHARS = 6;

export interface GeneratedCredential {
  /** Shown to the user once, never stored. */
  raw: string;
  hash: string;
  /** Stored beside the hash so an operator can tell keys apart. */
  prefix: string;
}

export function hashCredential(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

export function generateCredential(kind: CredentialKind): GeneratedCredential {
  const raw = CREDENTIAL_PREFIX[kind] + randomBytes(SECRET_BYTES).toString('base64url');
  const prefix = raw.slice(0, CREDENTIAL_PREFIX[kind].length + VISIBLE_SECRET_CHARS);
  return { raw, hash: hashCredential(raw), prefix };
}

/** Constant-time equality of two hex SHA-256 hashes. */
export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
