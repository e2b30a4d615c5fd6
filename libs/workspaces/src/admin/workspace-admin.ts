import { CoilError } from '@coil/domain';
import type { PrismaClient } from '@coil/database';
import type { CredentialKind } from '../credentials/credential-kind';
import { credentialRepository } from '../credentials/credential-repositories';
import type { CredentialRecord } from '../credentials/credential-repository';
import { generateCredential, hashCredential, type GeneratedCredential } from '../credentials/credential-secret';
import { parseId, parseWorkspaceName } from './admin-input';
import type {
  CreatedWorkspace,
  IngestKeyRef,
  IssuedIngestKey,
  IssuedReadToken,
  ReadTokenRef,
  RevokedCredential,
  WorkspaceSummary,
} from './admin-results';

type CredentialLookup = { id: bigint } | { hash: string };

/** Operator actions on workspaces and their secrets (the admin CLI's logic). */
export class WorkspaceAdmin {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The workspace and its first key and token are written together or not at all. */
  async createWorkspace(name: string): Promise<CreatedWorkspace> {
    const workspaceName = parseWorkspaceName(name);
    const key = generateCredential('ingest_key');
    const token = generateCredential('read_token');
    const workspace = await this.prisma.$transaction(async (tx) => {
      const created = await tx.workspace.create({ data: { name: workspaceName } });
      await credentialRepository(tx, 'ingest_key').insert(created.id, key.hash, key.prefix);
      await credentialRepository(tx, 'read_token').insert(created.id, token.hash, token.prefix);
      return created;
    });
    return { workspace_id: workspace.id.toString(), api_key: key.raw, api_token: token.raw };
  }

  async listWorkspaces(): Promise<WorkspaceSummary[]> {
    const [workspaces, keys, tokens] = await Promise.all([
      this.prisma.workspace.findMany({ orderBy: { id: 'asc' } }),
      credentialRepository(this.prisma, 'ingest_key').countActiveByWorkspace(),
      credentialRepository(this.prisma, 'read_token').countActiveByWorkspace(),
    ]);
    return workspaces.map((workspace) => ({
      workspace_id: workspace.id.toString(),
      name: workspace.name,
      created_at: workspace.createdAt.toISOString(),
      active_ingest_keys: keys.get(workspace.id) ?? 0,
      active_read_tokens: tokens.get(workspace.id) ?? 0,
    }));
  }

  async createKey(workspaceId: string): Promise<IssuedIngestKey> {
    const { record, secret } = await this.issue('ingest_key', workspaceId);
    return { workspace_id: workspaceId, id: record.id.toString(), prefix: record.prefix, api_key: secret.raw };
  }

  async createToken(workspaceId: string): Promise<IssuedReadToken> {
    const { record, secret } = await this.issue('read_token', workspaceId);
    return { workspace_id: workspaceId, id: record.id.toString(), prefix: record.prefix, api_token: secret.raw };
  }

  revokeKey(workspaceId: string, ref: IngestKeyRef): Promise<RevokedCredential> {
    const lookup = 'id' in ref ? { id: parseId(ref.id, 'key id') } : { hash: hashCredential(ref.key) };
    return this.revoke('ingest_key', workspaceId, lookup);
  }

  revokeToken(workspaceId: string, ref: ReadTokenRef): Promise<RevokedCredential> {
    const lookup = 'id' in ref ? { id: parseId(ref.id, 'token id') } : { hash: hashCredential(ref.token) };
    return this.revoke('read_token', workspaceId, lookup);
  }

  private async issue(
    kind: CredentialKind,
    workspaceId: string,
  ): Promise<{ record: CredentialRecord; secret: GeneratedCredential }> {
    const id = await this.requireWorkspace(workspaceId);
    const secret = generateCredential(kind);
    const record = await credentialRepository(this.prisma, kind).insert(id, secret.hash, secret.prefix);
    return { record, secret };
  }

  /** Revoking twice is harmless: the first revocation time is kept. */
  private async revoke(
    kind: CredentialKind,
    workspaceId: string,
    lookup: CredentialLookup,
  ): Promise<RevokedCredential> {
    const id = await this.requireWorkspace(workspaceId);
    const repository = credentialRepository(this.prisma, kind);
    const found =
      'id' in lookup ? await repository.findById(id, lookup.id) : await repository.findByHash(id, lookup.hash);
    if (!found) {
      throw new CoilError('not_found', 'not_found', `no such ${kind.replace('_', ' ')} in workspace ${workspaceId}`);
    }
    let revokedAt = found.revokedAt;
    if (!revokedAt) {
      revokedAt = this.now();
      await repository.markRevoked(id, found.id, revokedAt);
    }
    return {
      workspace_id: workspaceId,
      id: found.id.toString(),
      prefix: found.prefix,
      revoked_at: revokedAt.toISOString(),
    };
  }

  private async requireWorkspace(workspaceId: string): Promise<bigint> {
    const id = parseId(workspaceId, 'workspace id');
    const workspace = await this.prisma.workspace.findUnique({ where: { id }, select: { id: true } });
    if (!workspace) throw new CoilError('not_found', 'not_found', `workspace ${workspaceId} not found`);
    return id;
  }
}
