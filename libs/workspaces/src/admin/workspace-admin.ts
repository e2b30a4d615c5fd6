import type { UnitOfWork } from '@coil/database';
import { CoilError, parseId, parseName } from '@coil/domain';
import type { CredentialKind } from '../credentials/credential-kind';
import { generateCredential, hashCredential, type GeneratedCredential } from '../credentials/credential-secret';
import { requireWorkspace } from '../guard/require-workspace';
import type { CredentialRecord, CredentialRef } from '../repositories/credential.repository';
import type { WorkspaceRepositories } from '../repositories/workspace-repositories';
import type {
  CreatedWorkspace,
  IngestKeyRef,
  IssuedIngestKey,
  IssuedReadToken,
  ReadTokenRef,
  RevokedCredential,
  WorkspaceSummary,
} from './admin-results';

/**
 * Operator actions on workspaces and their secrets (the admin CLI's logic). Each action is one
 * transaction: a workspace and its first key and token are written together or not at all.
 */
export class WorkspaceAdmin {
  constructor(
    private readonly transaction: UnitOfWork<WorkspaceRepositories>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createWorkspace(name: string): Promise<CreatedWorkspace> {
    const workspaceName = parseName(name, 'workspace name');
    const key = generateCredential('ingest_key');
    const token = generateCredential('read_token');
    const workspaceId = await this.transaction.run(async ({ workspaces, credentials }) => {
      const id = await workspaces.insert(workspaceName);
      await credentials.ingest_key.insert(id, key.hash, key.prefix);
      await credentials.read_token.insert(id, token.hash, token.prefix);
      return id;
    });
    return { workspace_id: workspaceId, api_key: key.raw, api_token: token.raw };
  }

  listWorkspaces(): Promise<WorkspaceSummary[]> {
    return this.transaction.run(async ({ workspaces, credentials }) => {
      const listed = await workspaces.list();
      const keys = await credentials.ingest_key.countActiveByWorkspace();
      const tokens = await credentials.read_token.countActiveByWorkspace();
      return listed.map((workspace) => ({
        workspace_id: workspace.id,
        name: workspace.name,
        created_at: workspace.createdAt.toISOString(),
        active_ingest_keys: keys.get(workspace.id) ?? 0,
        active_read_tokens: tokens.get(workspace.id) ?? 0,
      }));
    });
  }

  async createKey(workspaceId: string): Promise<IssuedIngestKey> {
    const { record, secret } = await this.issue('ingest_key', workspaceId);
    return { workspace_id: record.workspaceId, id: record.id, prefix: record.prefix, api_key: secret.raw };
  }

  async createToken(workspaceId: string): Promise<IssuedReadToken> {
    const { record, secret } = await this.issue('read_token', workspaceId);
    return { workspace_id: record.workspaceId, id: record.id, prefix: record.prefix, api_token: secret.raw };
  }

  async revokeKey(workspaceId: string, ref: IngestKeyRef): Promise<RevokedCredential> {
    const credential = 'id' in ref ? { id: parseId(ref.id, 'key id') } : { hash: hashCredential(ref.key) };
    return this.revoke('ingest_key', workspaceId, credential);
  }

  async revokeToken(workspaceId: string, ref: ReadTokenRef): Promise<RevokedCredential> {
    const credential = 'id' in ref ? { id: parseId(ref.id, 'token id') } : { hash: hashCredential(ref.token) };
    return this.revoke('read_token', workspaceId, credential);
  }

  private issue(kind: CredentialKind, workspace: string): Promise<{ record: CredentialRecord; secret: GeneratedCredential }> {
    return this.transaction.run(async ({ workspaces, credentials }) => {
      const workspaceId = await requireWorkspace(workspaces, workspace);
      const secret = generateCredential(kind);
      return { record: await credentials[kind].insert(workspaceId, secret.hash, secret.prefix), secret };
    });
  }

  /** Revoking twice is harmless: the first revocation time is kept. */
  private revoke(kind: CredentialKind, workspace: string, ref: CredentialRef): Promise<RevokedCredential> {
    return this.transaction.run(async ({ workspaces, credentials }) => {
      const workspaceId = await requireWorkspace(workspaces, workspace);
      const found = await credentials[kind].find(workspaceId, ref);
      if (!found) {
        throw new CoilError('not_found', 'not_found', `no such ${kind.replace('_', ' ')} in workspace ${workspaceId}`);
      }
      let revokedAt = found.revokedAt;
      if (!revokedAt) {
        revokedAt = this.now();
        await credentials[kind].markRevoked(workspaceId, found.id, revokedAt);
      }
      return { workspace_id: workspaceId, id: found.id, prefix: found.prefix, revoked_at: revokedAt.toISOString() };
    });
  }
}
