import type { SqlClient } from '@coil/database';
import type { CredentialKind } from '../credentials/credential-kind';
import { CredentialRepository } from './credential.repository';
import { WorkspaceRepository } from './workspace.repository';

// Public methods only: a class with private fields admits no other implementation, a fake neither.
type Methods<T> = Pick<T, keyof T>;

export type CredentialRepositories = Record<CredentialKind, Methods<CredentialRepository>>;

/** What the workspace admin works on, bound to one client (that of its transaction). */
export interface WorkspaceRepositories {
  workspaces: Methods<WorkspaceRepository>;
  credentials: CredentialRepositories;
}

export function credentialRepositories(db: SqlClient): CredentialRepositories {
  return { ingest_key: new CredentialRepository(db, 'ingest_key'), read_token: new CredentialRepository(db, 'read_token') };
}

export function workspaceRepositories(db: SqlClient): WorkspaceRepositories {
  return { workspaces: new WorkspaceRepository(db), credentials: credentialRepositories(db) };
}
