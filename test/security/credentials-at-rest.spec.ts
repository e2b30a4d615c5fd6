import { createHash } from 'node:crypto';
import request from 'supertest';
import { Pool } from 'pg';
import { basicAuth, startIngest, type IngestHarness } from '../support/ingest-harness';
import { DATABASE_URL } from '../worker/support/worker-harness';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
// Everything after the readable prefix (coil_ik_ / coil_rt_): the part that must never be stored.
const secretPart = (raw: string): string => raw.slice(8);

interface TextColumn {
  table_name: string;
  column_name: string;
}

/** Tables and columns (of every table) holding text or JSON, where a leaked secret could sit. */
async function textColumns(pool: Pool): Promise<TextColumn[]> {
  const result = await pool.query<TextColumn>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')
     ORDER BY 1, 2`,
  );
  return result.rows;
}

describe('ingest keys and read tokens at rest', () => {
  let ingest: IngestHarness;
  let pool: Pool;

  beforeAll(async () => {
    ingest = await startIngest();
    pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
  });

  afterAll(async () => {
    await pool.end();
    await ingest.close();
  });

  it('stores only the SHA-256 and a short prefix of each key and token, in no other column or the queue', async () => {
    const admin = ingest.admin;
    const workspace = await admin.createWorkspace('at-rest');
    const extraKey = await admin.createKey(workspace.workspace_id);
    const extraToken = await admin.createToken(workspace.workspace_id);
    const keys = [workspace.api_key, extraKey.api_key];
    const tokens = [workspace.api_token, extraToken.api_token];

    // The keys travel every auth form and reach the queue's job data path.
    const responses = await Promise.all([
      request(ingest.url).post('/v1/track').set('Authorization', basicAuth(keys[0])).send({ userId: 'u', event: 'e' }),
      request(ingest.url).post('/v2/track').set('Authorization', `Basic ${keys[1]}`).send({ userId: 'u', event: 'e' }),
      request(ingest.url).post('/v1/events').send({ api_key: keys[0], timestamp: Date.now(), user_id: 'u', event: 'e' }),
      request(ingest.url)
        .post('/v1/batch')
        .send({ writeKey: keys[1], batch: [{ type: 'track', userId: 'u', event: 'e' }] }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 202]);

    const keyRows = await pool.query<{ key_hash: string; key_prefix: string }>(
      'SELECT key_hash, key_prefix FROM ingest_keys WHERE workspace_id = $1 ORDER BY id',
      [workspace.workspace_id],
    );
    expect(keyRows.rows).toEqual(keys.map((key) => ({ key_hash: sha256(key), key_prefix: key.slice(0, 14) })));
    const tokenRows = await pool.query<{ token_hash: string; token_prefix: string }>(
      'SELECT token_hash, token_prefix FROM read_tokens WHERE workspace_id = $1 ORDER BY id',
      [workspace.workspace_id],
    );
    expect(tokenRows.rows).toEqual(tokens.map((token) => ({ token_hash: sha256(token), token_prefix: token.slice(0, 14) })));

    const secrets = [...keys, ...tokens].map(secretPart);
    const leaks: string[] = [];
    for (const { table_name, column_name } of await textColumns(pool)) {
      const found = await pool.query<{ hits: string }>(
        `SELECT count(*)::text AS hits FROM "${table_name}" WHERE "${column_name}"::text LIKE ANY ($1)`,
        [secrets.flatMap((secret) => [`%${secret}%`, `%${secret.slice(0, 20)}%`])],
      );
      if (found.rows[0].hits !== '0') leaks.push(`${table_name}.${column_name}`);
    }
    expect(leaks).toEqual([]);

    const jobs = await ingest.queue.getJobs(['waiting']);
    expect(jobs.flatMap((job) => job.data.events)).toHaveLength(4);
    const queued = JSON.stringify(jobs.map((job) => job.data));
    for (const secret of secrets) expect(queued).not.toContain(secret.slice(0, 20));
  });
});
