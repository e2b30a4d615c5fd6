export { WorkspaceAdmin } from './admin/workspace-admin';
export type {
  CreatedWorkspace,
  IngestKeyRef,
  IssuedIngestKey,
  IssuedReadToken,
  ReadTokenRef,
  RevokedCredential,
  WorkspaceSummary,
} from './admin/admin-results';
export {
  CredentialResolver,
  type CredentialCacheOptions,
  type CredentialCacheStats,
  type CredentialLookups,
} from './resolver/credential-resolver';
export { CREDENTIAL_PREFIX, type CredentialKind } from './credentials/credential-kind';
export { generateCredential, hashCredential, hashesMatch, type GeneratedCredential } from './credentials/credential-secret';
export { requireWorkspace, type WorkspaceDirectory } from './guard/require-workspace';
export { CredentialRepository, type CredentialRecord, type CredentialRef } from './repositories/credential.repository';
export { WorkspaceRepository, type AccountSettings, type WorkspaceRow } from './repositories/workspace.repository';
export {
  createCredentialResolver,
  createWorkspaceAdmin,
  credentialRepositories,
  workspaceRepositories,
  type CredentialRepositories,
  type WorkspaceRepositories,
} from './repositories/workspace-repositories';
