import { timingSafeEqual } from 'node:crypto';
import type * as NodeCrypto from 'node:crypto';
import { CredentialResolver, hashCredential, hashesMatch, type CredentialLookups, type CredentialRecord } from '@coil/workspaces';

/** The resolver's hash lookup of both tables, answering `rows` whatever the hash: every row "matches" the index. */
function lookupsReturning(rows: CredentialRecord[]): CredentialLookups {
  const table = { findActiveByHash: async (): Promise<CredentialRecord[]> => rows };
  return { ingest_key: table, read_token: table };
}

function row(raw: string): CredentialRecord {
  return { workspaceId: '7', id: '1', hash: hashCredential(raw), prefix: raw.slice(0, 14), createdAt: new Date(), revokedAt: null };
}

// The real function, observed: every module importing node:crypto in this file sees the spy.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof NodeCrypto>('node:crypto');
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
    const resolver = new CredentialResolver(lookupsReturning([row('coil_ik_presented')]));
    expect(await resolver.resolveIngestKey('coil_ik_presented')).toBe('7');
    expect(await resolver.resolveReadToken('coil_ik_presented')).toBe('7');
    const stored = Buffer.from(hashCredential('coil_ik_presented'), 'hex');
    expect(observed.mock.calls).toEqual([
      [stored, stored],
      [stored, stored],
    ]);
  });

  it('a row the index returned for another hash opens nothing', async () => {
    const resolver = new CredentialResolver(lookupsReturning([row('coil_ik_stored')]));
    expect(await resolver.resolveIngestKey('coil_ik_presented')).toBeNull();
    expect(observed).toHaveBeenCalledTimes(1);
  });
});
