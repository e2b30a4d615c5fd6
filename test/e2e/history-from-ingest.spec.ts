import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import request from 'supertest';
import { createScoringRunner } from '@coil/scoring-pass';
import type { IngestHarness } from '../support/ingest-harness';
import { startStack, type Stack } from '../support/stack';

// Events of three days in through the ingest, rolled up by the worker, scored at a fake `now`
// on each day: the history API serves one point per scored day with the exact scores.
//
// Nothing configured: every event weighs 1 over 30 days. Raw scores (acme, beta) per day are
// (2, 1), (5, 1), (6, 5); the benchmark is the 90th percentile of the two, so the scores are
// 1 + 99 * (1 - 10^(-raw / B)) to one decimal: B 1.9 -> 91.2, 70.5; B 4.6 -> 91.9, 40.0;
// B 5.9 -> 90.5, 85.9.
const TRACKS: [user: string, day: string, count: number][] = [
  ['ann', '2025-03-01', 2],
  ['bob', '2025-03-01', 1],
  ['ann', '2025-03-02', 3],
  ['ann', '2025-03-03', 1],
  ['bob', '2025-03-03', 4],
];
const SCORED_AT = ['2025-03-01T12:00:00Z', '2025-03-02T12:00:00Z', '2025-03-03T12:00:00Z'];

describe('end to end: ingest -> worker -> scoring on three days -> /v1/accounts/history', () => {
  let stack: Stack;
  let ingest: IngestHarness;
  let api: NestFastifyApplication;
  let pool: Pool;
  let token: string;

  beforeAll(async () => {
    // The worker's own rescore would score at the real now: pushed out of the test's way.
    stack = await startStack({ rescoreDelayMs: 3_600_000 }, { now: () => new Date('2025-03-03T20:00:00Z') });
    ({ ingest, api, token } = stack);
    pool = new Pool({ connectionString: ingest.config.databaseUrl, max: 3 });
  });

  afterAll(async () => {
    await stack.close();
    await pool.end();
  });

  async function get(path: string): Promise<{ status: number; body: unknown }> {
    const response = await api.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } });
    return { status: response.statusCode, body: response.json() };
  }

  async function rolledUp(): Promise<{ events: number; members: number }> {
    const result = await pool.query<{ events: number; members: number }>(
      `SELECT (SELECT COALESCE(SUM(count), 0)::int FROM daily_counts WHERE workspace_id = $1) AS events,
              (SELECT COUNT(*)::int FROM memberships WHERE workspace_id = $1) AS members`,
      [ingest.workspaceId],
    );
    return result.rows[0];
  }

  it('serves one point per scored day with the exact scores, for accounts and users', async () => {
    const batch = [
      { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme' }, timestamp: '2025-03-01T08:00:00.000Z' },
      { type: 'group', userId: 'bob', groupId: 'beta', traits: { name: 'Beta' }, timestamp: '2025-03-01T08:00:00.000Z' },
      ...TRACKS.flatMap(([userId, day, count]) =>
        Array.from({ length: count }, (_, i) => ({ type: 'track', userId, event: 'Report Created', timestamp: `${day}T10:0${i}:00.000Z` })),
      ),
    ];
    await request(ingest.url).post('/v1/batch').set('Authorization', `Basic ${ingest.apiKey}`).send({ batch }).expect(202);

    let counts = await rolledUp();
    for (let attempt = 0; attempt < 100 && (counts.events < 11 || counts.members < 2); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      counts = await rolledUp();
    }
    expect(counts).toEqual({ events: 11, members: 2 });

    const runner = createScoringRunner(pool);
    for (const now of SCORED_AT) await runner.scoreWorkspace(ingest.workspaceId, new Date(now));

    const point = (day: string, engagement_score: number, raw_score: number) => ({
      day,
      engagement_score,
      raw_score,
      active_users: 1,
      scoring_profile_events: raw_score,
    });
    const acme = await get(`/v1/accounts/history?workspace_id=${ingest.workspaceId}&match_type=tracking_id&match_value=acme`);
    expect(acme.status).toBe(200);
    expect(acme.body).toEqual({
      id: expect.any(String),
      profile: 'default',
      points: [point('2025-03-01', 91.2, 2), point('2025-03-02', 91.9, 5), point('2025-03-03', 90.5, 6)],
    });
    const beta = await get(`/v1/accounts/history?workspace_id=${ingest.workspaceId}&match_type=name&match_value=Beta&days=2`);
    expect(beta.body).toMatchObject({ points: [point('2025-03-02', 40, 1), point('2025-03-03', 85.9, 5)] });

    const ann = await get(`/v1/users/history?workspace_id=${ingest.workspaceId}&match_type=external_id&match_value=ann`);
    expect(ann.body).toMatchObject({
      profile: 'default',
      points: [point('2025-03-01', 91.2, 2), point('2025-03-02', 91.9, 5), point('2025-03-03', 90.5, 6)],
    });
    const latest = await get(`/v1/accounts?workspace_id=${ingest.workspaceId}&id=${(acme.body as { id: string }).id}`);
    expect(latest.body).toMatchObject({ tracking_id: 'acme', metrics: { engagement_score: 90.5, raw_score: 6, profile: 'default' } });
  });
});
