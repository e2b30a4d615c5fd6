/** The two secrets a workspace hands out: ingest keys (write events) and read tokens (read API). */
export type CredentialKind = 'ingest_key' | 'read_token';

/** Readable prefixes so a leaked secret is recognisable (and scannable) at a glance. */
export const CREDENTIAL_PREFIX: Record<CredentialKind, string> = {
  ingest_key: 'coil_ik_',
  read_token: 'coil_rt_',
};
