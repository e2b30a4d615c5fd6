import { timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '@coil/database';
import { CredentialResolver, hashCredential, hashesMatch } from '@coil/workspaces';

interface Row {
  workspaceId: bigint;
  id: bigint;
  keyHash: string;
  tokenHash: string;
  keyPrefix: string;
  tokenPrefix: string;
  createdAt: Date;
  revokedAt: null;
}

/** Just enough of PrismaClient for the resolver's hash lookup: every row "matches" the index. */
function prismaReturning(rows: Row[]): PrismaClient {
  const table = { findMany: async (): Promise<Row[]> => rows };
  return { ingestKey: table, readToken: table } as unknown as PrismaClient;
}

function row(raw: string): Row {
  const hash = hashCredential(raw);
  return {
    workspaceId: 7n,
    id: 1n,
    keyHash: hash,
    tokenHash: hash,
    keyPrefix: raw.slice(0, 14),
    tokenPrefix: raw.slice(0, 14),
    createdAt: new Date(),
    revokedAt: null,
  };
}

// The real function, observed: every module importing node:crypto in this file sees the spy.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const observed = timingSafeEqual as jest.MockedFunction<typeof timingSafeEqual>;

// Not a timing measurement (too noisy to prove anything): this checks that every comparison of
// a presented secret with a stored one goes through crypto.timingSafeEqual.
describe('credential comparison is constant-time', () => {
  beforeEach(() => {
    observed.mockClear();
  });

  it('hashesMatch compares the hash bytes with timingSafeEqual', () => {
    const stored = hashCredential('coil_ik_presented');
    expect(hashesMatch(stored, hashCredential('coil_ik_presented'))).toBe(true);
    expect(hashesMatch(stored, hashCredential('coil_ik_other'))).toBe(false);
    expect(observed.mock.calls).toEqual([
      [Buffer.from(stored, 'hex'), Buffer.from(stored, 'hex')],
      [Buffer.from(stored, 'hex'), Buffer.from(hashCredential('coil_ik_other'), 'hex')],
    ]);
  });

  it('the resolver confirms each database match of an ingest key or read token with timingSafeEqual', async () => {
    const resolver = new CredentialResolver(prismaReturning([row('coil_ik_presented')]));
    expect(await resolver.resolveIngestKey('coil_ik_presented')).toBe('7');
    expect(await resolver.resolveReadToken('coil_ik_presented')).toBe('7');
    const stored = Buffer.from(hashCredential('coil_ik_presented'), 'hex');
    expect(observed.mock.calls).toEqual([
      [stored, stored],
      [stored, stored],
    ]);
  });

  it('a row the index returned for another hash opens nothing', async () => {
    const resolver = new CredentialResolver(prismaReturning([row('coil_ik_stored')]));
    expect(await resolver.resolveIngestKey('coil_ik_presented')).toBeNull();
    expect(observed).toHaveBeenCalledTimes(1);
  });
});
