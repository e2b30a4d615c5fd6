import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import request from 'supertest';
import { createSettings } from '@coil/settings';
import { bootstrapWorker } from '../../apps/worker/src/main';
import { startIngest, type IngestHarness } from '../support/ingest-harness';

// The anchor's worked example: weights 9,7,5,3,1 with counts 3,5,10,20,15 give raw 187.
const EXAMPLE = [
  { event: 'Report Created', weight: 9, count: 3 },
  { event: 'Dashboard Shared', weight: 7, count: 5 },
  { event: 'Filter Applied', weight: 5, count: 10 },
  { event: 'Chart Viewed', weight: 3, count: 20 },
  { event: 'Logged In', weight: 1, count: 15 },
];

describe('end to end: events in through the ingest, score out of the database', () => {
  let ingest: IngestHarness;
  let worker: NestFastifyApplication;
  let pool: Pool;

  beforeAll(async () => {
    ingest = await startIngest({ rescoreDelayMs: 200 });
    worker = await bootstrapWorker({ ...ingest.config, workerPort: 0 });
    pool = new Pool({ connectionString: ingest.config.databaseUrl, max: 2 });
  });

  afterAll(async () => {
    await worker.close();
    await ingest.close();
    await pool.end();
  });

  it("gives the anchor's raw score 187 for an account", async () => {
    const settings = createSettings(pool).eventWeights;
    for (const { event, weight } of EXAMPLE) {
      await settings.set({ workspaceId: ingest.workspaceId, event, weight });
    }
    const auth = `Basic ${ingest.apiKey}`;
    await request(ingest.url)
      .post('/v2/group')
      .set('Authorization', auth)
      .send({ groupId: 'anchor-co', userId: 'anchor-user', traits: { name: 'Anchor Co' } })
      .expect(202);
    const batch = EXAMPLE.flatMap(({ event, count }) =>
      Array.from({ length: count }, () => ({ type: 'track', userId: 'anchor-user', event })),
    );
    await request(ingest.url).post('/v1/batch').set('Authorization', auth).send({ batch }).expect(202);

    let raw: number | undefined;
    for (let attempt = 0; attempt < 100 && raw !== 187; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const result = await pool.query<{ raw_score: number }>(
        `SELECT s.raw_score FROM account_scores s JOIN accounts a ON a.workspace_id = s.workspace_id AND a.id = s.account_id
         WHERE s.workspace_id = $1 AND a.tracking_id = 'anchor-co' ORDER BY s.period DESC, s.computed_at DESC LIMIT 1`,
        [ingest.workspaceId],
      );
      raw = result.rows[0]?.raw_score;
    }
    expect(raw).toBe(187);
  });
});
