import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTraitSyncers, type Destination } from '@coil/delivery';
import { createScoringRunner } from '@coil/scoring-pass';
import type { IngestHarness } from '../support/ingest-harness';
import { startStack, type Stack } from '../support/stack';
import { ScoringFixture } from '../scoring/support/scoring-fixture';
import { waitFor } from '../worker/support/worker-harness';
import { destination } from './support/destinations';
import { RecordingReceiver } from './support/recording-receiver';
import { createDestination, seedScoredAccounts } from './support/scored-accounts';

interface AccountBody {
  traits?: Record<string, unknown>;
}

/**
 * The Segment reverse sync pointed at Coil's own ingest: workspace A's computed traits, sent with
 * @segment/analytics-node as identify and group calls under workspace B's ingest key, become B's
 * user and account traits (read back through B's read API and users table).
 */
describe('SegmentSyncer into a Segment-compatible source (Coil ingest)', () => {
  const fixture = new ScoringFixture();
  let stack: Stack;
  let ingest: IngestHarness;
  let api: NestFastifyApplication;
  let token: string;

  beforeAll(async () => {
    stack = await startStack({ rescoreDelayMs: 100 });
    ({ ingest, api, token } = stack);
  });

  afterAll(async () => {
    await stack.close();
    await fixture.close();
  });

  async function traitsOfAccount(trackingId: string): Promise<Record<string, unknown>> {
    const response = await api.inject({
      method: 'GET',
      url: `/v1/accounts?workspace_id=${ingest.workspaceId}&match_type=tracking_id&match_value=${trackingId}&expand=traits`,
      headers: { authorization: `Bearer ${token}` },
    });
    return response.statusCode === 200 ? (response.json<AccountBody>().traits ?? {}) : {};
  }

  async function traitsOfUser(externalId: string): Promise<Record<string, unknown>> {
    const result = await fixture.pool.query<{ traits: Record<string, unknown> }>(
      'SELECT traits FROM users WHERE workspace_id = $1 AND external_id = $2',
      [ingest.workspaceId, externalId],
    );
    return result.rows[0]?.traits ?? {};
  }

  async function acceptedBatchEvents(): Promise<number> {
    const metrics = await request(ingest.url).get('/metrics');
    const match = /coil_ingest_events_total\{route="v1\/batch",result="accepted"\} (\d+)/.exec(metrics.text);
    return Number(match?.[1] ?? 0);
  }

  it('sends computed traits as group and identify calls, then nothing when nothing changed', async () => {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const source = await fixture.workspace('segment sync source');
    const busy = await fixture.accountWithUser(source, 'sync-busy');
    const quiet = await fixture.accountWithUser(source, 'sync-quiet');
    await fixture.counts(source, [
      { user: busy.user, event: 'Report Created', day: today, count: 30 },
      { user: quiet.user, event: 'Report Created', day: today, count: 2 },
    ]);
    await createScoringRunner(fixture.pool).scoreWorkspace(source, now);
    const scores = await fixture.accountScores(source);
    const busyScore = scores.find((row) => row.account_id === String(busy.account))?.engagement_score ?? -1;
    const { segment } = createTraitSyncers(fixture.pool, { deliveryTimeoutMs: 5000 });
    const id = await createDestination(fixture.pool, source, 'segment', ingest.url);
    const target = destination({ type: 'segment', url: ingest.url, workspaceId: source, id, secret: ingest.apiKey });

    expect(await segment.sync(target, now)).toEqual({ outcome: 'delivered', statusCode: 202, response: 'accounts: 2 sent; users: 2 sent' });

    await waitFor(
      async () => (await traitsOfAccount('sync-busy')).coil_default_score !== undefined,
      20_000,
      'the account traits in workspace B',
    );
    expect(await traitsOfAccount('sync-busy')).toMatchObject({
      coil_default_score: Math.round(busyScore * 100) / 100,
      coil_default_frequency: 1,
      coil_default_last_active: today,
      coil_default_active_users: 1,
      coil_default_total_users: 1,
      coil_segments: expect.arrayContaining(['Active today']),
    });
    await waitFor(
      async () => (await traitsOfUser('sync-quiet-user')).coil_default_score !== undefined,
      20_000,
      'the user traits in workspace B',
    );
    expect(await traitsOfUser('sync-quiet-user')).toMatchObject({ coil_default_frequency: 1, coil_default_last_active: today });

    const eventsBefore = await acceptedBatchEvents();
    expect(await segment.sync(target, now)).toEqual({ outcome: 'delivered', response: 'nothing changed' });
    expect(await acceptedBatchEvents()).toBe(eventsBefore);
  });

  it('reports a refused write key as a permanent failure and sends it all again once fixed', async () => {
    const now = new Date();
    const source = await fixture.workspace('segment sync refused');
    const { user } = await fixture.accountWithUser(source, 'sync-refused');
    await fixture.counts(source, [{ user, event: 'Report Created', day: now.toISOString().slice(0, 10), count: 3 }]);
    await createScoringRunner(fixture.pool).scoreWorkspace(source, now);
    const { segment } = createTraitSyncers(fixture.pool, { deliveryTimeoutMs: 5000 });
    const id = await createDestination(fixture.pool, source, 'segment', ingest.url);
    const target = destination({ type: 'segment', url: ingest.url, workspaceId: source, id, secret: 'not-a-key' });

    const refused = await segment.sync(target, now);
    expect(refused).toMatchObject({ outcome: 'failed', statusCode: 401 });
    expect(JSON.stringify(refused)).not.toContain('not-a-key');

    expect(await segment.sync({ ...target, secret: ingest.apiKey }, now)).toMatchObject({
      outcome: 'delivered',
      response: 'accounts: 1 sent; users: 1 sent',
    });
  });
});

describe('SegmentSyncer against a local receiver: what the library sends, and its failures', () => {
  const fixture = new ScoringFixture();
  const receiver = new RecordingReceiver();
  const { segment } = createTraitSyncers(fixture.pool, { deliveryTimeoutMs: 500 });
  const now = new Date('2026-12-02T07:00:00Z');

  beforeAll(() => receiver.start());
  afterAll(async () => {
    await receiver.stop();
    await fixture.close();
  });

  async function target(): Promise<Destination> {
    const { workspaceId } = await seedScoredAccounts(fixture.pool, [{ trackingId: 'lonely', score: 10 }], '2026-12-02');
    const id = await createDestination(fixture.pool, workspaceId, 'segment', receiver.url);
    return destination({ type: 'segment', url: receiver.url, workspaceId, id, secret: 'write-key' });
  }

  it('posts a batch to /v1/batch with the write key, a group call naming an anonymous id when the account has no member', async () => {
    receiver.requests.length = 0;
    receiver.answer = () => undefined;

    expect(await segment.sync(await target(), now)).toMatchObject({ outcome: 'delivered', statusCode: 200 });

    const [request] = receiver.requests;
    expect([request.path, request.headers.authorization]).toEqual(['/v1/batch', `Basic ${Buffer.from('write-key:').toString('base64')}`]);
    const { batch } = JSON.parse(request.body) as { batch: Array<Record<string, unknown>> };
    expect(batch).toEqual([
      expect.objectContaining({
        type: 'group',
        groupId: 'lonely',
        anonymousId: 'coil-account:lonely',
        traits: expect.objectContaining({ coil_default_score: 10, coil_segments: [] }),
        timestamp: now.toISOString(),
      }),
    ]);
  });

  it("sends only the accounts in the destination's segments, and their members", async () => {
    const { workspaceId } = await seedScoredAccounts(
      fixture.pool,
      [
        { trackingId: 'champion', score: 80, segments: ['Champions'], member: 'champion-user' },
        { trackingId: 'other', score: 20, segments: ['New'], member: 'other-user' },
      ],
      '2026-12-02',
    );
    const id = await createDestination(fixture.pool, workspaceId, 'segment', receiver.url);
    receiver.requests.length = 0;
    receiver.answer = () => undefined;

    const result = await segment.sync(
      destination({ type: 'segment', url: receiver.url, workspaceId, id, secret: 'write-key', segments: ['Champions'] }),
      now,
    );

    expect(result).toMatchObject({ outcome: 'delivered', response: 'accounts: 1 sent; users: 1 sent' });
    const events = receiver.requests.flatMap((request) => (JSON.parse(request.body) as { batch: Array<Record<string, unknown>> }).batch);
    expect(events.map((event) => [event.type, event.groupId ?? null, event.userId])).toEqual([
      ['group', 'champion', 'champion-user'],
      ['identify', null, 'champion-user'],
    ]);
    expect(events[1].traits).toEqual({
      coil_default_score: 80,
      coil_default_score_change: null,
      coil_default_activation_rate: 0.5,
      coil_default_adoption_rate: 0,
      coil_default_lifetime_adoption_rate: 0,
      coil_default_last_active: null,
      coil_default_frequency: 0,
    });
  });

  it.each([
    ['a 429 with Retry-After', { status: 429, headers: { 'retry-after': '5' } }, { outcome: 'retry', statusCode: 429, retryAfterMs: 5000 }],
    ['a 500', { status: 500 }, { outcome: 'retry', statusCode: 500 }],
    ['a 403', { status: 403 }, { outcome: 'failed', statusCode: 403 }],
    ['no answer', 'hang' as const, { outcome: 'retry', error: expect.stringMatching(/^no response \(timed out\)/) }],
  ])('reports %s after one request, the library retrying nothing itself', async (_, answer, expected) => {
    const destinationToFail = await target();
    receiver.requests.length = 0;
    receiver.answer = () => answer;

    expect(await segment.sync(destinationToFail, now)).toMatchObject(expected);
    expect(receiver.requests).toHaveLength(1);
  });
});
