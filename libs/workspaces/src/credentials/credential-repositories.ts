import type { CredentialKind } from './credential-kind';
import type { CredentialRepository, DatabaseClient } from './credential-repository';
import { IngestKeyRepository } from './ingest-key.repository';
import { ReadTokenRepository } from './read-token.repository';

export function credentialRepository(db: DatabaseClient, kind: CredentialKind): CredentialRepository {
  return kind === 'ingest_key' ? new IngestKeyRepository(db) : new ReadTokenRepository(db);
}
