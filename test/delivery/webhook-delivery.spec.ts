import type { Pool } from 'pg';
import { createWorkspace, testPool, uniquePrefix, waitFor } from '../worker/support/worker-harness';
import { DeliveryHarness, SECRET_KEY, shortSchedule } from './support/delivery-harness';
import { deliveryStatuses, storeSignals } from './support/outbox-rows';
import { WebhookReceiver } from './support/webhook-receiver';

// Retries come every 300 ms here, so a Retry-After of 2 s is visibly honoured; a destination
// failing for 2 s is disabled.
const ENV = { DELIVERY_RETRY_SCHEDULE: shortSchedule('300ms', 30), DELIVERY_DISABLE_AFTER: '2s', COIL_SECRET_KEY: SECRET_KEY };

describe('webhook delivery through the worker', () => {
  const pool: Pool = testPool();
  const harness = new DeliveryHarness(uniquePrefix('delivery'), ENV, pool);
  const receivers: WebhookReceiver[] = [];
  const secrets: string[] = [];
  let workspace: string;

  /** A receiver and a webhook destination pointing at it. */
  async function destination(): Promise<{ id: string; receiver: WebhookReceiver }> {
    let secret = '';
    const receiver = new WebhookReceiver(() => secret);
    await receiver.start();
    receivers.push(receiver);
    const created = await harness.delivery.admin.create(workspace, { type: 'webhook', url: receiver.url });
    secret = created.secret!;
    secrets.push(secret);
    return { id: created.id, receiver };
  }

  async function attempts(
    destinationId: string,
  ): Promise<{ item: string; outcome: string; status_code: number | null; response: string | null; at: Date }[]> {
    const result = await pool.query(
      `SELECT item, outcome, status_code, response, attempted_at AS at FROM delivery_attempts
       WHERE workspace_id = $1 AND destination_id = $2 ORDER BY id`,
      [workspace, destinationId],
    );
    return result.rows;
  }

  beforeAll(async () => {
    workspace = await createWorkspace(pool, 'webhook delivery');
    harness.startWorker();
  });

  afterAll(async () => {
    await harness.close();
    for (const receiver of receivers) await receiver.stop();
    await pool.end();
  });

  it('delivers each signal signed, once, in order per subject, and records the attempts', async () => {
    const { id, receiver } = await destination();
    const signals = await storeSignals(pool, workspace, id, ['11', '12', '13'], 3);
    await waitFor(async () => (await deliveryStatuses(pool, workspace, id)).delivered === 9, 60_000, 'nine deliveries');

    expect(receiver.rejectedSignatures).toBe(0);
    expect(new Set(receiver.accepted.keys())).toEqual(new Set(signals.map((signal) => signal.id)));
    for (const account of ['11', '12', '13']) {
      expect(receiver.arrivalsOf(account)).toEqual(signals.filter((signal) => signal.accountId === account).map((signal) => signal.id));
    }
    const first = receiver.accepted.get(signals[0].id)!.signal;
    expect(first).toEqual({
      id: signals[0].id,
      workspace_id: workspace,
      kind: 'score_changed',
      subject: { type: 'account', id: '11', tracking_id: 'acct-11', name: 'Account 11' },
      occurred_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { profile: 'engagement', before: 40, after: 60, change: 20, trend: 'hot' },
    });
    const recorded = await attempts(id);
    expect(recorded).toHaveLength(9);
    expect(recorded.every((attempt) => attempt.outcome === 'delivered' && attempt.status_code === 200 && attempt.response === 'ok')).toBe(
      true,
    );
  });

  it('stores the signing secret encrypted when COIL_SECRET_KEY is set', async () => {
    const { id } = await destination();
    const stored = await pool.query<{ secret: string }>('SELECT secret FROM destinations WHERE workspace_id = $1 AND id = $2', [
      workspace,
      id,
    ]);
    expect(stored.rows[0].secret).toMatch(/^enc:v1:/);
    expect(stored.rows[0].secret).not.toContain(secrets.at(-1)!.slice('whsec_'.length));
    const [listed] = (await harness.delivery.admin.list(workspace)).filter((destination) => destination.id === id);
    expect(listed.secret_hint).toBe(`…${secrets.at(-1)!.slice(-4)}`);
    expect(JSON.stringify(listed)).not.toContain(secrets.at(-1)!);
  });

  it("waits as long as a 429's Retry-After asks rather than its own schedule", async () => {
    const { id, receiver } = await destination();
    receiver.answer = (_signal, attempt) =>
      attempt === 1 ? { status: 429, headers: { 'retry-after': '2' }, body: 'slow down' } : undefined;
    const [signal] = await storeSignals(pool, workspace, id, ['21']);
    await waitFor(async () => (await deliveryStatuses(pool, workspace, id)).delivered === 1, 60_000, 'the delivery');

    const [limited, delivered] = receiver.requests.filter((request) => request.id === signal.id);
    expect(limited.status).toBe(429);
    expect(delivered.status).toBe(200);
    // The schedule alone would have retried after about 300 ms.
    expect(delivered.at - limited.at).toBeGreaterThanOrEqual(1900);
    const recorded = await attempts(id);
    expect(recorded.map((attempt) => [attempt.outcome, attempt.status_code, attempt.response])).toEqual([
      ['retry', 429, 'slow down'],
      ['delivered', 200, 'ok'],
    ]);
  });

  it('fails a 400 at once, as permanent, and goes on with the next signal of the subject', async () => {
    const { id, receiver } = await destination();
    let refused = '';
    receiver.answer = (signal) => (signal.id === refused ? { status: 400, body: 'unknown account' } : undefined);
    const [first, second] = await storeSignals(pool, workspace, id, ['31'], 2);
    refused = first.id;
    await waitFor(async () => (await deliveryStatuses(pool, workspace, id)).delivered === 1, 60_000, 'the second delivery');

    expect(await deliveryStatuses(pool, workspace, id)).toEqual({ delivered: 1, failed: 1 });
    expect(receiver.requests.filter((request) => request.id === first.id)).toHaveLength(1);
    expect([...receiver.accepted.keys()]).toEqual([second.id]);
    const failed = await pool.query('SELECT attempts, last_error FROM deliveries WHERE workspace_id = $1 AND signal_id = $2', [
      workspace,
      first.id,
    ]);
    expect(failed.rows[0]).toEqual({ attempts: 1, last_error: 'HTTP 400' });
    expect((await attempts(id))[0]).toMatchObject({ item: first.id, outcome: 'failed', status_code: 400, response: 'unknown account' });
    const [listed] = await harness.delivery.admin.deliveries(workspace, id, true);
    expect(listed).toMatchObject({ signal_id: first.id, status: 'failed', attempt_log: [{ outcome: 'failed', status_code: 400 }] });
  });

  it('disables a destination failing for the configured window, keeps its signals, and delivers them once re-enabled', async () => {
    const { id, receiver } = await destination();
    await receiver.stop();
    const early = await storeSignals(pool, workspace, id, ['41', '42'], 2);
    await waitFor(
      async () => (await harness.delivery.admin.list(workspace)).some((destination) => destination.id === id && !destination.enabled),
      60_000,
      'the destination disabled',
    );
    const [disabled] = (await harness.delivery.admin.list(workspace)).filter((destination) => destination.id === id);
    expect(disabled.disabled_reason).toMatch(/^failing continuously for 2 s; last error: no response \(ECONNREFUSED\)$/);
    const late = await storeSignals(pool, workspace, id, ['41', '43']);
    expect(await deliveryStatuses(pool, workspace, id)).toEqual({ pending: 6 });

    await receiver.start();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(receiver.accepted.size).toBe(0);
    await harness.delivery.admin.enable(workspace, id);
    await waitFor(async () => (await deliveryStatuses(pool, workspace, id)).delivered === 6, 60_000, 'the backlog delivered');
    const all = [...early, ...late];
    expect(receiver.arrivalsOf('41')).toEqual(all.filter((signal) => signal.accountId === '41').map((signal) => signal.id));
    expect(receiver.accepted.size).toBe(6);
  });

  it('never writes a secret to its logs', () => {
    // The disabling above was logged: the log was captured, and it names no secret.
    expect(harness.logs).toContain('destination disabled');
    for (const secret of secrets) expect(harness.logs).not.toContain(secret);
    expect(harness.logs).not.toContain('whsec_');
  });
});
