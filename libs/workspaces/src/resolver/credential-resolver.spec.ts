import { createPgPool } from '@coil/database';
import type { CreatedWorkspace } from '../admin/admin-results';
import { createWorkspaceAdmin, credentialRepositories } from '../repositories/workspace-repositories';
import { CredentialResolver } from './credential-resolver';

const pool = createPgPool(process.env.DATABASE_URL as string, { max: 2 });
const admin = createWorkspaceAdmin(pool);
const credentials = credentialRepositories(pool);
let clock = 0;
let workspace: CreatedWorkspace;

function newResolver(maxEntries = 100): CredentialResolver {
  return new CredentialResolver(credentials, { now: () => clock, maxEntries });
}

beforeEach(async () => {
  clock = 1_000_000;
  workspace = await admin.createWorkspace('Resolver');
});

afterAll(() => pool.end());

describe('CredentialResolver', () => {
  it('resolves an ingest key and a read token to their workspace, each only as its own kind', async () => {
    const resolver = newResolver();

    expect(await resolver.resolveIngestKey(workspace.api_key)).toBe(workspace.workspace_id);
    expect(await resolver.resolveReadToken(workspace.api_token)).toBe(workspace.workspace_id);
    expect(await resolver.resolveIngestKey(workspace.api_token)).toBeNull();
    expect(await resolver.resolveReadToken(workspace.api_key)).toBeNull();
  });

  it('refuses unknown, empty, oversized and non-string secrets', async () => {
    const resolver = newResolver();

    expect(await resolver.resolveIngestKey('coil_ik_unknown')).toBeNull();
    expect(await resolver.resolveIngestKey('')).toBeNull();
    expect(await resolver.resolveIngestKey('x'.repeat(10_000))).toBeNull();
    expect(await resolver.resolveIngestKey(42 as unknown as string)).toBeNull();
  });

  it('answers repeated lookups from memory until the positive TTL, then sees the revocation', async () => {
    const resolver = newResolver();
    await resolver.resolveIngestKey(workspace.api_key);
    await admin.revokeKey(workspace.workspace_id, { key: workspace.api_key });

    clock += 29_999;
    expect(await resolver.resolveIngestKey(workspace.api_key)).toBe(workspace.workspace_id);
    expect(resolver.stats()).toEqual({ hits: 1, misses: 1 });
    clock += 1;
    expect(await resolver.resolveIngestKey(workspace.api_key)).toBeNull();
  });

  it('remembers an unknown secret only for the negative TTL', async () => {
    const resolver = newResolver();
    const rotated = await admin.createToken(workspace.workspace_id);
    await admin.revokeToken(workspace.workspace_id, { id: rotated.id });
    expect(await resolver.resolveReadToken(rotated.api_token)).toBeNull();
    await pool.query('UPDATE read_tokens SET revoked_at = NULL WHERE workspace_id = $1 AND id = $2', [workspace.workspace_id, rotated.id]);

    clock += 4_999;
    expect(await resolver.resolveReadToken(rotated.api_token)).toBeNull();
    clock += 1;
    expect(await resolver.resolveReadToken(rotated.api_token)).toBe(workspace.workspace_id);
  });

  it('shares one database read between concurrent misses and stays bounded', async () => {
    const resolver = newResolver(1);
    const reads = jest.spyOn(credentials.ingest_key, 'findActiveByHash');

    const results = await Promise.all(Array.from({ length: 20 }, () => resolver.resolveIngestKey(workspace.api_key)));
    await resolver.resolveReadToken(workspace.api_token);

    expect(new Set(results)).toEqual(new Set([workspace.workspace_id]));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(resolver.stats().misses).toBe(21);
    expect(await resolver.resolveIngestKey(workspace.api_key)).toBe(workspace.workspace_id);
    expect(resolver.stats().misses).toBe(22);
    reads.mockRestore();
  });
});
