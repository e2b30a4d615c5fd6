import { createPrismaClient, type PrismaClient } from '@coil/database';
import { CoilError } from '@coil/domain';
import { hashCredential } from '../credentials/credential-secret';
import { WorkspaceAdmin } from './workspace-admin';

const prisma: PrismaClient = createPrismaClient(process.env.DATABASE_URL as string, 2);
const admin = new WorkspaceAdmin(prisma);
const UNKNOWN_WORKSPACE = '9000000000000000000';

afterAll(() => prisma.$disconnect());

describe('WorkspaceAdmin', () => {
  it('creates a workspace with one key and one token, storing only their hashes', async () => {
    const created = await admin.createWorkspace('  Acme  ');

    expect(Object.keys(created).sort()).toEqual(['api_key', 'api_token', 'workspace_id']);
    expect(created.api_key).toMatch(/^coil_ik_/);
    expect(created.api_token).toMatch(/^coil_rt_/);
    const workspaceId = BigInt(created.workspace_id);
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).name).toBe('Acme');
    const keys = await prisma.ingestKey.findMany({ where: { workspaceId } });
    const tokens = await prisma.readToken.findMany({ where: { workspaceId } });
    expect(keys.map((key) => key.keyHash)).toEqual([hashCredential(created.api_key)]);
    expect(tokens.map((token) => token.tokenHash)).toEqual([hashCredential(created.api_token)]);
    expect(JSON.stringify([keys, tokens], (_, value) => (typeof value === 'bigint' ? String(value) : value)))
      .not.toContain(created.api_key.slice(14));
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
    const row = await prisma.ingestKey.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: BigInt(workspace_id), id: BigInt(second.id) } },
    });
    expect(row.revokedAt?.toISOString()).toBe(byId.revoked_at);
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
    const before = await prisma.workspace.count();

    await expect(admin.createKey('abc')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(admin.createKey('0')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(admin.createKey('99999999999999999999')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(admin.createWorkspace('   ')).rejects.toMatchObject({ code: 'invalid_parameter' });
    expect(await prisma.workspace.count()).toBe(before);
  });
});
