import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { CoilError } from '@coil/domain';

const PREFIX = 'enc:v1:';
// A fixed salt: the key must be the same in every process that shares the database.
const KEY_SALT = 'coil destination secrets v1';

/**
 * Destination secrets at rest (signing secrets, Slack URLs, tokens): AES-256-GCM under a key
 * derived from COIL_SECRET_KEY, stored as `enc:v1:<iv>:<tag>:<data>` (base64). Without a key
 * they are stored as given, and `onPlain` is called the first time (to warn the operator).
 */
export class SecretBox {
  private readonly key: Buffer | null;
  private warned = false;

  constructor(
    secretKey: string | null,
    private readonly onPlain: () => void = () => undefined,
  ) {
    this.key = secretKey === null ? null : scryptSync(secretKey, KEY_SALT, 32);
  }

  seal(plain: string): string {
    if (this.key === null) {
      if (!this.warned) this.onPlain();
      this.warned = true;
      return plain;
    }
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
  }

  /** A value stored before a key was set is plain text and is returned as it is. */
  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    if (this.key === null) {
      throw new CoilError(
        'internal_error',
        'internal_error',
        'a destination secret is encrypted: set COIL_SECRET_KEY to the key it was stored with',
      );
    }
    const [iv, tag, data] = stored
      .slice(PREFIX.length)
      .split(':')
      .map((part) => Buffer.from(part, 'base64'));
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    } catch {
      throw new CoilError(
        'internal_error',
        'internal_error',
        'a destination secret does not decrypt: COIL_SECRET_KEY differs from the key it was stored with',
      );
    }
  }
}

/** What list endpoints show instead of a secret: its last four characters. */
export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`;
}
