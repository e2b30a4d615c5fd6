import type { Pool } from 'pg';
import { createWorkspace, testPool, uniquePrefix, waitFor } from '../worker/support/worker-harness';
import { DeliveryHarness, SECRET_KEY } from './support/delivery-harness';
import { deliveryStatuses, storeSignals, type TestSignal } from './support/outbox-rows';
import { WebhookReceiver } from './support/webhook-receiver';

// outbound.md's 60 s outage under a stream that outlasts it; the schedule outlasts it too (about
// 80 s of retries, short steps so the test ends soon after), and disabling is far off.
const OUTAGE_MS = 60_000;
const ENV = {
  DELIVERY_RETRY_SCHEDULE: '200ms,500ms,1s,2s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s',
  DELIVERY_DISABLE_AFTER: '1h',
  COIL_SECRET_KEY: SECRET_KEY,
};
const ACCOUNTS = Array.from({ length: 20 }, (_, index) => String(100 + index));
const ROUND_EVERY_MS = 250;
// The stream runs from 2 s before the outage to 5 s after it.
const ROUNDS = 268;

describe('webhook receiver down under a stream of signals', () => {
  const pool: Pool = testPool();
  const harness = new DeliveryHarness(uniquePrefix('outage'), ENV, pool);
  let secret = '';
  const receiver = new WebhookReceiver(() => secret);

  beforeAll(async () => {
    await receiver.start();
    harness.startWorker();
  });

  afterAll(async () => {
    await harness.close();
    await receiver.stop();
    await pool.end();
  });

  it('ends with every signal delivered, each accepted once by webhook-id, in order per subject', async () => {
    const workspace = await createWorkspace(pool, 'webhook outage');
    const created = await harness.delivery.admin.create(workspace, { type: 'webhook', url: receiver.url });
    secret = created.secret!;

    const stored: TestSignal[] = [];
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await receiver.stop();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await receiver.start();
    })();
    for (let round = 0; round < ROUNDS; round += 1) {
      stored.push(...(await storeSignals(pool, workspace, created.id, ACCOUNTS)));
      // As the worker does after the scoring run that stored them.
      await harness.delivery.engine.dispatch(workspace);
      await new Promise((resolve) => setTimeout(resolve, ROUND_EVERY_MS));
    }
    await outage;
    await waitFor(async () => (await deliveryStatuses(pool, workspace, created.id)).delivered === stored.length, 180_000, 'every delivery');

    // The outage really refused deliveries: some attempts failed and were retried.
    const retried = await pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM delivery_attempts WHERE workspace_id = $1 AND outcome = 'retry'`,
      [workspace],
    );
    expect(retried.rows[0].count).toBeGreaterThan(0);
    expect(receiver.rejectedSignatures).toBe(0);
    expect(receiver.accepted.size).toBe(stored.length);
    expect(new Set(receiver.accepted.keys())).toEqual(new Set(stored.map((signal) => signal.id)));
    for (const account of ACCOUNTS) {
      expect(receiver.arrivalsOf(account)).toEqual(stored.filter((signal) => signal.accountId === account).map((signal) => signal.id));
    }
    expect(await deliveryStatuses(pool, workspace, created.id)).toEqual({ delivered: stored.length });
  }, 300_000);
});
