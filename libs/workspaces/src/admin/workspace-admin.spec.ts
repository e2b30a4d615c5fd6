import { unitOfWorkOver, type UnitOfWork } from '@coil/database';
import type { CredentialKind } from '../credentials/credential-kind';
import { hashCredential } from '../credentials/credential-secret';
import type { CredentialRecord, CredentialRef } from '../repositories/credential.repository';
import type { WorkspaceRepositories } from '../repositories/workspace-repositories';
import type { WorkspaceRow } from '../repositories/workspace.repository';
import { WorkspaceAdmin } from './workspace-admin';

type WorkspaceMethods = WorkspaceRepositories['workspaces'];
type CredentialMethods = WorkspaceRepositories['credentials'][CredentialKind];

class FakeWorkspaces implements WorkspaceMethods {
  readonly rows: WorkspaceRow[] = [];

  async insert(name: string): Promise<string> {
    const id = String(this.rows.length + 1);
    this.rows.push({ id, name, createdAt: new Date('2025-09-21T10:00:00.123Z') });
    return id;
  }

  async exists(workspaceId: string): Promise<boolean> {
    return this.rows.some((row) => row.id === workspaceId);
  }

  async list(): Promise<WorkspaceRow[]> {
    return [...this.rows];
  }
}

class FakeCredentials implements CredentialMethods {
  readonly rows: CredentialRecord[] = [];
  readonly revocations: string[] = [];

  async insert(workspaceId: string, hash: string, prefix: string): Promise<CredentialRecord> {
    const row = { workspaceId, id: String(this.rows.length + 1), hash, prefix, createdAt: new Date(), revokedAt: null };
    this.rows.push(row);
    return row;
  }

  async findActiveByHash(hash: string): Promise<CredentialRecord[]> {
    return this.rows.filter((row) => row.hash === hash && !row.revokedAt);
  }

  async find(workspaceId: string, ref: CredentialRef): Promise<CredentialRecord | null> {
    const matches = (row: CredentialRecord): boolean => ('id' in ref ? row.id === ref.id : row.hash === ref.hash);
    return this.rows.find((row) => row.workspaceId === workspaceId && matches(row)) ?? null;
  }

  async markRevoked(workspaceId: string, id: string, at: Date): Promise<void> {
    this.revocations.push(`${workspaceId}/${id}`);
    const row = this.rows.find((candidate) => candidate.workspaceId === workspaceId && candidate.id === id);
    if (row) row.revokedAt = at;
  }

  async countActiveByWorkspace(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const row of this.rows) if (!row.revokedAt) counts.set(row.workspaceId, (counts.get(row.workspaceId) ?? 0) + 1);
    return counts;
  }
}

let clock: Date;
let workspaces: FakeWorkspaces;
let keys: FakeCredentials;
let tokens: FakeCredentials;
let runs: number;
let admin: WorkspaceAdmin;

beforeEach(() => {
  clock = new Date('2025-09-21T12:00:00.000Z');
  workspaces = new FakeWorkspaces();
  keys = new FakeCredentials();
  tokens = new FakeCredentials();
  runs = 0;
  const inner = unitOfWorkOver<WorkspaceRepositories>({ workspaces, credentials: { ingest_key: keys, read_token: tokens } });
  const counted: UnitOfWork<WorkspaceRepositories> = {
    run: (work) => {
      runs += 1;
      return inner.run(work);
    },
  };
  admin = new WorkspaceAdmin(counted, () => clock);
});

describe('WorkspaceAdmin', () => {
  it('creates the workspace, its first key and its first token in one unit of work, storing hashes only', async () => {
    const created = await admin.createWorkspace('  Acme  ');

    expect(runs).toBe(1);
    expect(workspaces.rows.map((row) => row.name)).toEqual(['Acme']);
    expect(created.workspace_id).toBe('1');
    expect(keys.rows).toEqual([
      expect.objectContaining({ workspaceId: '1', hash: hashCredential(created.api_key), prefix: created.api_key.slice(0, 14) }),
    ]);
    expect(tokens.rows).toEqual([expect.objectContaining({ workspaceId: '1', hash: hashCredential(created.api_token) })]);
    expect(created.api_key).toMatch(/^coil_ik_/);
    expect(created.api_token).toMatch(/^coil_rt_/);
  });

  it('lists each workspace with its active key and token counts, zero when it has none', async () => {
    const first = await admin.createWorkspace('First');
    await admin.createWorkspace('Second');
    await admin.createKey(first.workspace_id);
    await admin.revokeToken(first.workspace_id, { token: first.api_token });

    expect(await admin.listWorkspaces()).toEqual([
      { workspace_id: '1', name: 'First', created_at: '2025-09-21T10:00:00.123Z', active_ingest_keys: 2, active_read_tokens: 0 },
      { workspace_id: '2', name: 'Second', created_at: '2025-09-21T10:00:00.123Z', active_ingest_keys: 1, active_read_tokens: 1 },
    ]);
  });

  it('issues a key or a token of the asked kind only', async () => {
    const { workspace_id } = await admin.createWorkspace('Rotation');

    const key = await admin.createKey(workspace_id);
    const token = await admin.createToken(workspace_id);

    expect(key).toEqual({ workspace_id, id: '2', prefix: key.api_key.slice(0, 14), api_key: expect.stringMatching(/^coil_ik_/) });
    expect(token).toEqual({ workspace_id, id: '2', prefix: token.api_token.slice(0, 14), api_token: expect.stringMatching(/^coil_rt_/) });
    expect([keys.rows.length, tokens.rows.length]).toEqual([2, 2]);
  });

  it('revokes once: a second revocation, by id or by secret, answers the first time', async () => {
    const { workspace_id, api_key } = await admin.createWorkspace('Revoke');

    const first = await admin.revokeKey(workspace_id, { key: api_key });
    clock = new Date('2025-09-22T00:00:00.000Z');
    const again = await admin.revokeKey(workspace_id, { id: first.id });

    expect(first).toEqual({ workspace_id, id: '1', prefix: api_key.slice(0, 14), revoked_at: '2025-09-21T12:00:00.000Z' });
    expect(again).toEqual(first);
    expect(keys.revocations).toEqual([`${workspace_id}/1`]);
  });

  it('answers not_found for an unknown workspace and for a secret of another workspace', async () => {
    const mine = await admin.createWorkspace('Mine');
    const theirs = await admin.createWorkspace('Theirs');

    await expect(admin.createKey('9')).rejects.toMatchObject({ code: 'not_found', message: 'workspace 9 not found' });
    await expect(admin.revokeToken(mine.workspace_id, { token: theirs.api_token })).rejects.toMatchObject({
      code: 'not_found',
      message: `no such read token in workspace ${mine.workspace_id}`,
    });
    expect(tokens.revocations).toEqual([]);
  });

  it('refuses malformed names and ids before reading or writing anything', async () => {
    const exists = jest.spyOn(workspaces, 'exists');

    await expect(admin.createWorkspace('   ')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(admin.createWorkspace('x'.repeat(201))).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(admin.createKey('0')).rejects.toMatchObject({
      code: 'invalid_parameter',
      message: 'workspace id must be a positive integer, got "0"',
    });
    await expect(admin.revokeKey('1', { id: 'abc' })).rejects.toMatchObject({ message: 'key id must be a positive integer, got "abc"' });
    await expect(admin.revokeToken('1', { id: '-1' })).rejects.toMatchObject({ message: 'token id must be a positive integer, got "-1"' });

    expect(exists).not.toHaveBeenCalled();
    expect(workspaces.rows).toEqual([]);
  });
});
