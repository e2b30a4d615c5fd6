import { createPgPool, PgUnitOfWork } from '@coil/database';
import { CoilError } from '@coil/domain';
import { WorkspaceAdmin } from '../admin/workspace-admin';
import { hashCredential } from '../credentials/credential-secret';
import { createWorkspaceAdmin, workspaceRepositories } from './workspace-repositories';

// The admin over the real tables: what the fake-backed workspace-admin.spec cannot show.
const pool = createPgPool(process.env.DATABASE_URL as string, { max: 2 });
const admin = createWorkspaceAdmin(pool);
const UNKNOWN_WORKSPACE = '9000000000000000000';

async function column(sql: string, values: unknown[]): Promise<unknown[]> {
  return (await pool.query<{ value: unknown }>(sql, values)).rows.map((row) => row.value);
}

async function workspaceCount(): Promise<number> {
  return (await pool.query<{ count: number }>('SELECT COUNT(*)::int AS count FROM workspaces')).rows[0].count;
}

afterAll(() => pool.end());

describe('WorkspaceAdmin over PostgreSQL', () => {
  it('creates a workspace with one key and one token, storing only their hashes', async () => {
    const created = await admin.createWorkspace('  Acme  ');

    expect(Object.keys(created).sort()).toEqual(['api_key', 'api_token', 'workspace_id']);
    expect(created.api_key).toMatch(/^coil_ik_/);
    expect(created.api_token).toMatch(/^coil_rt_/);
    const workspaceId = created.workspace_id;
    expect(await column('SELECT name AS value FROM workspaces WHERE workspace_id = $1', [workspaceId])).toEqual(['Acme']);
    const keys = await pool.query('SELECT * FROM ingest_keys WHERE workspace_id = $1', [workspaceId]);
    const tokens = await pool.query('SELECT * FROM read_tokens WHERE workspace_id = $1', [workspaceId]);
    expect(keys.rows.map((key) => key.key_hash)).toEqual([hashCredential(created.api_key)]);
    expect(tokens.rows.map((token) => token.token_hash)).toEqual([hashCredential(created.api_token)]);
    expect(JSON.stringify([keys.rows, tokens.rows])).not.toContain(created.api_key.slice(14));
  });

  it('lists workspaces with their active key and token counts', async () => {
    const created = await admin.createWorkspace('Listed');
    await admin.createKey(created.workspace_id);
    await admin.revokeToken(created.workspace_id, { token: created.api_token });

    const listed = (await admin.listWorkspaces()).find((workspace) => workspace.workspace_id === created.workspace_id);

    expect(listed).toMatchObject({ name: 'Listed', active_ingest_keys: 2, active_read_tokens: 0 });
    expect(new Date(listed?.created_at ?? '').toISOString()).toBe(listed?.created_at);
  });

  it('issues and revokes keys by id and by the full key, keeping the first revocation time', async () => {
    const { workspace_id } = await admin.createWorkspace('Rotation');
    const second = await admin.createKey(workspace_id);

    const byId = await admin.revokeKey(workspace_id, { id: second.id });
    const again = await admin.revokeKey(workspace_id, { key: second.api_key });

    expect(second).toMatchObject({ workspace_id, prefix: second.api_key.slice(0, 14) });
    expect(byId).toMatchObject({ workspace_id, id: second.id, prefix: second.prefix });
    expect(again).toEqual(byId);
    const [revokedAt] = await column('SELECT revoked_at AS value FROM ingest_keys WHERE workspace_id = $1 AND id = $2', [
      workspace_id,
      second.id,
    ]);
    expect((revokedAt as Date).toISOString()).toBe(byId.revoked_at);
  });

  it('issues and revokes read tokens', async () => {
    const { workspace_id } = await admin.createWorkspace('Tokens');
    const token = await admin.createToken(workspace_id);

    expect(token.api_token).toMatch(/^coil_rt_/);
    expect(await admin.revokeToken(workspace_id, { token: token.api_token })).toMatchObject({ id: token.id });
  });

  it('answers not_found for a missing workspace and for a key of another workspace', async () => {
    const mine = await admin.createWorkspace('Mine');
    const theirs = await admin.createWorkspace('Theirs');

    await expect(admin.createKey(UNKNOWN_WORKSPACE)).rejects.toMatchObject({ code: 'not_found', status: 'not_found' });
    await expect(admin.revokeKey(mine.workspace_id, { key: theirs.api_key })).rejects.toMatchObject({ code: 'not_found' });
    await expect(admin.revokeToken(mine.workspace_id, { id: '999999999' })).rejects.toBeInstanceOf(CoilError);
  });

  it('answers invalid_parameter for malformed ids and names, writing nothing', async () => {
    const before = await workspaceCount();

    await expect(admin.createKey('abc')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(admin.createKey('0')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(admin.createKey('99999999999999999999')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(admin.createWorkspace('   ')).rejects.toMatchObject({ code: 'invalid_parameter' });
    expect(await workspaceCount()).toBe(before);
  });

  it('writes a workspace and its first secrets together or not at all', async () => {
    const failing = new WorkspaceAdmin(
      new PgUnitOfWork(pool, (db) => {
        const repositories = workspaceRepositories(db);
        repositories.credentials.read_token.insert = () => Promise.reject(new Error('token insert failed'));
        return repositories;
      }),
    );

    await expect(failing.createWorkspace('Half written')).rejects.toThrow('token insert failed');
    expect(await column("SELECT workspace_id AS value FROM workspaces WHERE name = 'Half written'", [])).toEqual([]);
  });
});
