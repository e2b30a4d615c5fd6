import { CoilError } from '@coil/domain';
import type { Pool } from 'pg';
import { createPgPool } from '@coil/database';
import { createCredentialResolver, createWorkspaceAdmin } from '@coil/workspaces';
import { TcpProxy } from '../support/tcp-proxy';

// Target: PostgreSQL down 60 s during load and the ingest keeps answering 202. The key cache
// lives 30 s, so an outage longer than that must not turn known keys into errors.
describe('credential checks while PostgreSQL is unreachable', () => {
  const proxy = new TcpProxy('127.0.0.1', 5432);
  let direct: Pool;
  let throughProxy: Pool;
  let clock = 0;

  beforeAll(async () => {
    const port = await proxy.listen();
    const url = new URL(process.env.DATABASE_URL!);
    url.port = String(port);
    direct = createPgPool(process.env.DATABASE_URL!, { max: 1 });
    throughProxy = createPgPool(url.toString(), { max: 1 });
  });

  afterAll(async () => {
    proxy.restore();
    await throughProxy.end();
    await direct.end();
    await proxy.close();
  });

  it('keeps answering for a key known before the outage, even past its cache lifetime, and says 503 for unknown ones', async () => {
    const workspace = await createWorkspaceAdmin(direct).createWorkspace('outage');
    const resolver = createCredentialResolver(throughProxy, { positiveTtlMs: 1000, now: () => clock });
    expect(await resolver.resolveIngestKey(workspace.api_key)).toBe(workspace.workspace_id);

    proxy.cut();
    clock += 60_000;
    expect(await resolver.resolveIngestKey(workspace.api_key)).toBe(workspace.workspace_id);
    const unknown = resolver.resolveIngestKey('coil_ik_never_issued');
    await expect(unknown).rejects.toBeInstanceOf(CoilError);
    await expect(unknown).rejects.toMatchObject({ status: 'service_unavailable', code: 'service_unavailable' });

    proxy.restore();
    clock += 60_000;
    expect(await resolver.resolveIngestKey('coil_ik_never_issued')).toBeNull();
  });
});
