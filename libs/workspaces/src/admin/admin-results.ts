// Shapes returned to the CLI (and printed as JSON), so fields are snake_case and ids decimal
// strings, as everywhere else.

export interface CreatedWorkspace {
  workspace_id: string;
  /** Raw secrets, returned once: only their hashes are stored. */
  api_key: string;
  api_token: string;
}

export interface WorkspaceSummary {
  workspace_id: string;
  name: string;
  created_at: string;
  active_ingest_keys: number;
  active_read_tokens: number;
}

export interface IssuedIngestKey {
  workspace_id: string;
  id: string;
  prefix: string;
  api_key: string;
}

export interface IssuedReadToken {
  workspace_id: string;
  id: string;
  prefix: string;
  api_token: string;
}

export interface RevokedCredential {
  workspace_id: string;
  id: string;
  prefix: string;
  revoked_at: string;
}

/** Which key to revoke: its id, or the full key as the user holds it. */
export type IngestKeyRef = { id: string } | { key: string };
export type ReadTokenRef = { id: string } | { token: string };
