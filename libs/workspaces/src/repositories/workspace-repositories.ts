import type { Pool } from 'pg';
import { PgUnitOfWork, type RepositoryShape, type SqlClient } from '@coil/database';
import { WorkspaceAdmin } from '../admin/workspace-admin';
import { CredentialResolver, type CredentialCacheOptions } from '../resolver/credential-resolver';
import type { CredentialKind } from '../credentials/credential-kind';
import { CredentialRepository } from './credential.repository';
import { WorkspaceRepository } from './workspace.repository';

export type CredentialRepositories = Record<CredentialKind, RepositoryShape<CredentialRepository>>;

/** What the workspace admin works on, bound to one client (that of its transaction). */
export interface WorkspaceRepositories {
  workspaces: Pick<WorkspaceRepository, 'insert' | 'exists' | 'list'>;
  credentials: CredentialRepositories;
}

export function credentialRepositories(db: SqlClient): CredentialRepositories {
  return { ingest_key: new CredentialRepository(db, 'ingest_key'), read_token: new CredentialRepository(db, 'read_token') };
}

export function workspaceRepositories(db: SqlClient): WorkspaceRepositories {
  return { workspaces: new WorkspaceRepository(db), credentials: credentialRepositories(db) };
}

/** The admin over a pool: each of its actions one transaction. */
export function createWorkspaceAdmin(pool: Pool): WorkspaceAdmin {
  return new WorkspaceAdmin(new PgUnitOfWork(pool, workspaceRepositories));
}

/** The resolver of the hot paths (ingest keys, read tokens) over a pool. */
export function createCredentialResolver(pool: Pool, options: Partial<CredentialCacheOptions> = {}): CredentialResolver {
  return new CredentialResolver(credentialRepositories(pool), options);
}
