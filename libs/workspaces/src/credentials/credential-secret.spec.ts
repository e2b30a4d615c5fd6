import { generateCredential, hashCredential, hashesMatch } from './credential-secret';

describe('generateCredential', () => {
  it('makes url-safe secrets with a readable prefix per kind', () => {
    const key = generateCredential('ingest_key');
    const token = generateCredential('read_token');

    expect(key.raw).toMatch(/^coil_ik_[A-Za-z0-9_-]{43}$/);
    expect(token.raw).toMatch(/^coil_rt_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(key.raw.slice(0, 14));
  });

  it('never repeats and stores only the SHA-256 of the secret', () => {
    const secrets = Array.from({ length: 1000 }, () => generateCredential('ingest_key'));

    expect(new Set(secrets.map((secret) => secret.raw)).size).toBe(1000);
    expect(secrets[0].hash).toBe(hashCredential(secrets[0].raw));
    expect(secrets[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets[0].hash).not.toContain(secrets[0].raw.slice(8));
  });
});

describe('hashesMatch', () => {
  it('compares hashes', () => {
    const hash = hashCredential('coil_ik_x');
    expect(hashesMatch(hash, hashCredential('coil_ik_x'))).toBe(true);
    expect(hashesMatch(hash, hashCredential('coil_ik_y'))).toBe(false);
    expect(hashesMatch(hash, 'abcd')).toBe(false);
  });
});
