import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import type { DeliveryRecord } from '@coil/delivery';
import { createSettings } from '@coil/settings';
import type { Signal } from '@coil/signals';
import { SECRET_KEY } from '../delivery/support/delivery-harness';
import { setScores } from '../delivery/support/scored-accounts';
import { WebhookReceiver } from '../delivery/support/webhook-receiver';
import { parseJson, runCli } from '../support/cli';
import { basicAuth, type IngestHarness } from '../support/ingest-harness';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../worker/support/worker-harness';

// Events in through the ingest, rolled up and scored by the real worker (which scores at the real
// now), signals out to a real receiver verifying every request with standardwebhooks.
//
// Two features weigh 1 each (Logins: Logged In, Reports: Report Created), so raw scores are
// event counts. First batch: acme 1, globex 20, so acme scores about 13 and globex about 92
// (benchmark 18.1). Second batch: acme uses Reports 24 times (raw 25, benchmark 24.5): acme
// about 91, globex about 85. A score row of acme one time frame ago, equal to its baseline score,
// is written between the two, so the second run finds acme's trend gone hot.
//
// A new workspace gets the suggested segments beside ours (Power, engagement_score >= 50): acme's
// move also enters Highly engaged (>= 75) and Red hot (change >= 10); globex stays where it was.
const EXPECTED_SEGMENTS = ['Highly engaged', 'Power', 'Red hot'];

interface CreatedDestination {
  id: string;
  secret: string;
}

interface DestinationBody {
  id: string;
  type: string;
  enabled: boolean;
  pending: number;
  last_attempt: { outcome: string; status_code: number | null } | null;
  [field: string]: unknown;
}

/** Newest first, as the feed orders: occurred_at, then id, both descending. */
function newestFirst(a: Signal, b: Signal): number {
  if (a.occurred_at !== b.occurred_at) return a.occurred_at < b.occurred_at ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}

function repeat<T>(count: number, item: T): T[] {
  return Array.from({ length: count }, () => item);
}

describe('end to end: ingest -> worker -> signals -> signed webhooks, the feed and the CLI', () => {
  let secret = '';
  const receiver = new WebhookReceiver(() => secret);
  let stack: Stack;
  let ingest: IngestHarness;
  let worker: NestFastifyApplication;
  let api: NestFastifyApplication;
  let pool: Pool;
  let token: string;
  let workspace: string;
  let destination: CreatedDestination;
  let cliEnv: Record<string, string>;

  beforeAll(async () => {
    await receiver.start();
    // One key for the CLI (which stores the signing secret encrypted) and the worker (which reads it).
    stack = await startStack({ rescoreDelayMs: 100, secretKey: SECRET_KEY });
    ({ ingest, worker, api, token } = stack);
    pool = new Pool({ connectionString: ingest.config.databaseUrl, max: 2 });
    workspace = ingest.workspaceId;
    cliEnv = { COIL_SECRET_KEY: SECRET_KEY, COIL_QUEUE_PREFIX: ingest.config.queuePrefix };
  });

  afterAll(async () => {
    await stack.close();
    await pool.end();
    await receiver.stop();
  });

  async function read<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await api.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } });
    return { status: response.statusCode, body: response.json<T>() };
  }

  async function send(batch: object[]): Promise<void> {
    await request(ingest.url).post('/v1/batch').set('Authorization', basicAuth(ingest.apiKey)).send({ batch }).expect(202);
  }

  async function idOf(table: 'accounts' | 'users' | 'segments' | 'features', column: string, value: string): Promise<string> {
    const result = await pool.query<{ id: string }>(`SELECT id::text AS id FROM ${table} WHERE workspace_id = $1 AND ${column} = $2`, [
      workspace,
      value,
    ]);
    return result.rows[0].id;
  }

  async function deliveryCounts(): Promise<{ total: number; delivered: number }> {
    const result = await pool.query<{ total: number; delivered: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'delivered')::int AS delivered
       FROM deliveries WHERE workspace_id = $1`,
      [workspace],
    );
    return result.rows[0];
  }

  async function storedSignalIds(): Promise<string[]> {
    const result = await pool.query<{ id: string }>('SELECT id FROM signals WHERE workspace_id = $1 ORDER BY seq', [workspace]);
    return result.rows.map((row) => row.id);
  }

  /** acme's latest default-profile score row, and the day one time frame before it. */
  async function acmeScore(): Promise<{ score: number; change: number | null; events: number; frameAgo: string }> {
    const result = await pool.query<{ score: number; change: number | null; events: number; frameAgo: string }>(
      `SELECT s.engagement_score AS score, s.engagement_score_change AS change, s.scoring_profile_events::int AS events,
              (s.period - p.window_days)::text AS "frameAgo"
       FROM account_scores s
       JOIN scoring_profiles p ON p.workspace_id = s.workspace_id AND p.id = s.profile_id AND p.is_default
       JOIN accounts a ON a.workspace_id = s.workspace_id AND a.id = s.account_id AND a.tracking_id = 'acme'
       WHERE s.workspace_id = $1 ORDER BY s.period DESC LIMIT 1`,
      [workspace],
    );
    return result.rows[0];
  }

  it('configures features, a segment and a webhook destination (its secret printed once) with the CLI', async () => {
    const features = createSettings(pool).features;
    await features.set({ workspaceId: workspace, name: 'Logins', events: 'Logged In', weight: 1 });
    await features.set({ workspaceId: workspace, name: 'Reports', events: 'Report Created', weight: 1 });
    const [segment, created] = await Promise.all([
      runCli(['segment', 'create', '--workspace', workspace, '--name', 'Power', '--rule', 'engagement_score >= 50', '--json'], cliEnv),
      runCli(['destination', 'create', '--workspace', workspace, '--type', 'webhook', '--url', receiver.url, '--json'], cliEnv),
    ]);
    expect(parseJson<{ name: string; builtin: boolean }>(segment)).toMatchObject({ name: 'Power', builtin: false });
    destination = parseJson<CreatedDestination>(created);
    expect(destination.secret).toMatch(/^whsec_/);
    secret = destination.secret;
  });

  it('sets the baseline silently on the first scoring run: no signal, nothing sent', async () => {
    await send([
      { type: 'identify', userId: 'ann', traits: { name: 'Ann' } },
      { type: 'identify', userId: 'bob', traits: { name: 'Bob' } },
      { type: 'group', userId: 'ann', groupId: 'acme', traits: { name: 'Acme', plan: 'free' } },
      { type: 'group', userId: 'bob', groupId: 'globex', traits: { name: 'Globex' } },
      { type: 'track', userId: 'ann', event: 'Logged In' },
      ...repeat(20, { type: 'track', userId: 'bob', event: 'Report Created' }),
    ]);
    await waitFor(
      async () => {
        const result = await pool.query<{ baseline: boolean }>(
          'SELECT signals_baseline_at IS NOT NULL AS baseline FROM workspaces WHERE workspace_id = $1',
          [workspace],
        );
        return result.rows[0].baseline;
      },
      30_000,
      'the baseline run',
    );

    const baseline = await acmeScore();
    expect(baseline).toMatchObject({ events: 1, change: null });
    // The scenario's arithmetic: acme below every suggested score segment, so the move is news.
    expect(baseline.score).toBeLessThan(25);
    expect((await read<{ signals: Signal[] }>(`/v1/signals?workspace_id=${workspace}`)).body.signals).toEqual([]);
    expect(await storedSignalIds()).toEqual([]);
    expect(await deliveryCounts()).toEqual({ total: 0, delivered: 0 });
    expect(receiver.requests).toEqual([]);

    // History one time frame back, as if acme had scored the same a month ago: no trend yet.
    await setScores(pool, workspace, [await idOf('accounts', 'tracking_id', 'acme')], [baseline.score], baseline.frameAgo);
  });

  it('sends exactly the transitions of the next events, each signed, once, in order per subject', async () => {
    const baseline = await acmeScore();
    const upgradedAt = new Date().toISOString();
    await send([
      { type: 'group', messageId: 'e2e-upgrade', userId: 'ann', groupId: 'acme', traits: { plan: 'pro' }, timestamp: upgradedAt },
      ...repeat(24, { type: 'track', userId: 'ann', event: 'Report Created' }),
    ]);
    await waitFor(
      async () =>
        (await acmeScore()).events === 25 && (await deliveryCounts()).delivered === receiver.accepted.size && receiver.accepted.size >= 7,
      30_000,
      'the second run and its deliveries',
    );

    const scored = await acmeScore();
    const acme = { type: 'account', id: await idOf('accounts', 'tracking_id', 'acme'), tracking_id: 'acme', name: 'Acme' };
    const ann = { type: 'user', id: await idOf('users', 'external_id', 'ann'), external_id: 'ann', name: 'Ann' };
    const reports = { feature: { id: await idOf('features', 'name', 'Reports'), name: 'Reports' }, event: 'Report Created' };
    const received = [...receiver.accepted.values()].map((item) => item.signal);
    const runAt = received.find((signal) => signal.kind === 'score_changed')?.occurred_at;
    expect(runAt! > upgradedAt).toBe(true);
    const expected = [
      { kind: 'trait_changed', subject: acme, occurred_at: upgradedAt, data: { trait: 'plan', before: 'free', after: 'pro' } },
      { kind: 'feature_first_used', subject: acme, occurred_at: runAt, data: reports },
      { kind: 'feature_first_used', subject: ann, occurred_at: runAt, data: reports },
      {
        kind: 'score_changed',
        subject: acme,
        occurred_at: runAt,
        data: {
          profile: 'default',
          before: baseline.score,
          after: scored.score,
          change: expect.closeTo(scored.score - baseline.score, 5),
          trend: 'hot',
        },
      },
      ...(await Promise.all(
        EXPECTED_SEGMENTS.map(async (name) => ({
          kind: 'segment_entered',
          subject: acme,
          occurred_at: runAt,
          data: { segment: { id: await idOf('segments', 'name', name), name } },
        })),
      )),
    ];
    const sortKey = (signal: { kind: string; subject: { type: string }; data: object }): string =>
      `${signal.kind}|${signal.subject.type}|${JSON.stringify(signal.data)}`;
    const views = received
      .map(({ kind, subject, occurred_at, data }) => ({ kind, subject, occurred_at, data }))
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    expect(views).toEqual(expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    expect(scored.score).toBeGreaterThanOrEqual(75);

    // Signed and keyed by the signal: every request verified, none refused, none twice.
    expect(receiver.rejectedSignatures).toBe(0);
    expect(receiver.duplicates).toBe(0);
    expect(receiver.requests.map((answered) => answered.status)).toEqual(repeat(7, 200));
    for (const item of receiver.accepted.values()) {
      expect(item.signal).toMatchObject({ id: item.id, workspace_id: workspace });
      expect(item.headers['webhook-signature']).toMatch(/^v1,/);
    }
    const [sample] = receiver.accepted.values();
    const webhook = new Webhook(secret);
    expect(webhook.verify(sample.body, sample.headers)).toEqual(sample.signal);
    expect(() => webhook.verify(sample.body.replace(sample.signal.kind, 'activated'), sample.headers)).toThrow();
    // Per subject in derivation order: what the roll-up stored first arrived first.
    const stored = await storedSignalIds();
    expect(new Set(stored)).toEqual(new Set(receiver.accepted.keys()));
    const acmeArrivals = receiver.arrivalsOf(acme.id);
    expect(acmeArrivals).toHaveLength(6);
    expect(acmeArrivals).toEqual(stored.filter((id) => acmeArrivals.includes(id)));
  });

  it('lists the same signals newest first in GET /v1/signals, and the destination delivered without its secret', async () => {
    const received = [...receiver.accepted.values()].map((item) => item.signal);
    const feed = await read<{ signals: Signal[]; next_cursor: string | null }>(`/v1/signals?workspace_id=${workspace}`);
    expect(feed.status).toBe(200);
    expect(feed.body.next_cursor).toBeNull();
    expect(feed.body.signals).toEqual([...received].sort(newestFirst));
    expect(feed.body.signals.at(-1)?.kind).toBe('trait_changed');

    const destinations = await read<{ destinations: DestinationBody[] }>(`/v1/destinations?workspace_id=${workspace}`);
    expect(destinations.status).toBe(200);
    expect(destinations.body.destinations).toEqual([
      expect.objectContaining({
        id: destination.id,
        type: 'webhook',
        url: receiver.url,
        enabled: true,
        pending: 0,
        last_attempt: expect.objectContaining({ outcome: 'delivered', status_code: 200 }),
      }),
    ]);
    const listed = JSON.stringify(destinations.body);
    expect(listed).not.toContain('secret');
    expect(listed).not.toContain(secret.slice('whsec_'.length));

    const deliveries = parseJson<DeliveryRecord[]>(await runCli(['deliveries', 'list', '--workspace', workspace, '--json'], cliEnv));
    expect(deliveries).toHaveLength(7);
    expect(new Set(deliveries.map((delivery) => delivery.signal_id))).toEqual(new Set(receiver.accepted.keys()));
    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({ destination_id: destination.id, status: 'delivered', attempts: 1, last_error: null });
      expect(delivery.attempt_log).toEqual([expect.objectContaining({ outcome: 'delivered', status_code: 200 })]);
    }

    const metrics = (await worker.inject({ method: 'GET', url: '/metrics' })).body;
    const delivered = /^coil_deliveries_total\{type="webhook",outcome="delivered"\} (\d+)$/m.exec(metrics);
    expect(Number(delivered?.[1])).toBeGreaterThanOrEqual(7);
    const lagCount = /^coil_delivery_lag_seconds_count\{type="webhook"\} (\d+)$/m.exec(metrics);
    expect(Number(lagCount?.[1])).toBeGreaterThanOrEqual(7);
    expect(metrics).toMatch(/^coil_delivery_lag_seconds_bucket\{le="5",type="webhook"\} \d+$/m);
  });

  it('signals nothing new when the scores are recomputed (CLI), so nothing more is sent', async () => {
    const before = await storedSignalIds();
    const run = await runCli(['scores', 'recompute', '--workspace', workspace, '--json'], cliEnv);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const done = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; signals?: number })
      .find((line) => line.type === 'done');
    expect(done).toMatchObject({ signals: 0 });
    expect(await storedSignalIds()).toEqual(before);
    expect(await deliveryCounts()).toEqual({ total: 7, delivered: 7 });
    // Nothing waits in the outbox; one sweep of the worker later, still nothing more has arrived.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(receiver.requests).toHaveLength(7);
    expect((await read<{ signals: Signal[] }>(`/v1/signals?workspace_id=${workspace}`)).body.signals).toHaveLength(7);
  });
});
