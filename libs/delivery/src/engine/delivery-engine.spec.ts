import type { Job } from 'bullmq';
import type { Signal } from '@coil/signals';
import type { SendResult } from '../contracts/send-result';
import type { DestinationRecord } from '../destinations/destination.repository';
import { SecretBox } from '../destinations/secret-box';
import type { DeliverySenders } from '../sender-registry';
import { DeliveryEngine } from './delivery-engine';
import type { DeliveryQueue } from './delivery-queue';
import type { ClaimedDelivery, DeliveryRepository } from './delivery.repository';

function record(fields: Partial<DestinationRecord>): DestinationRecord {
  return {
    workspaceId: '1',
    id: '5',
    type: 'webhook',
    url: 'http://receiver',
    kinds: null,
    segments: null,
    settings: {},
    secret: 'whsec_x',
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    failingSince: null,
    createdAt: new Date(),
    ...fields,
  };
}

function claimed(signalId: string, attempts: number): ClaimedDelivery {
  const signal = { id: signalId, kind: 'activated' } as Signal;
  return { signalId, subjectKey: 'account:9', seq: '1', attempts, signal, signalCreatedAt: new Date() };
}

function job(name: string, data: object): Job {
  return { name, data } as Job;
}

/** The engine over fakes: what it claims, sends, records and enqueues. */
function engineWith(destination: DestinationRecord, results: SendResult[]) {
  const sent: Signal[][] = [];
  const next = (): Promise<SendResult> => Promise.resolve(results.shift() ?? { outcome: 'delivered', statusCode: 200 });
  const deliveries = {
    claim: jest.fn(),
    claimDigest: jest.fn().mockResolvedValue([claimed('sig_a', 0), claimed('sig_b', 2), claimed('sig_c', 1)]),
    recordAttempt: jest.fn().mockResolvedValue(undefined),
    due: jest.fn().mockResolvedValue([]),
  } satisfies Record<keyof DeliveryRepository, jest.Mock>;
  const destinations = {
    find: jest.fn().mockResolvedValue(destination),
    recordFailure: jest.fn().mockResolvedValue(false),
    syncTargets: jest.fn().mockResolvedValue(['7', '8']),
  };
  const queue = { deliver: jest.fn(), deliverAll: jest.fn(), digest: jest.fn(), sync: jest.fn() };
  const signalSender = { send: jest.fn((_destination, signals: Signal[]) => (sent.push(signals), next())) };
  const syncer = { sync: jest.fn(next) };
  const senders: DeliverySenders = {
    signals: { webhook: signalSender, slack: signalSender },
    syncers: { segment: syncer, hubspot: syncer },
  };
  const engine = new DeliveryEngine(
    deliveries,
    destinations,
    new SecretBox(null),
    queue as unknown as DeliveryQueue,
    senders,
    { retrySchedule: [1000, 2000], disableAfterMs: 60_000, timeoutMs: 5000 },
    { info: jest.fn(), warn: jest.fn(), error: jest.fn() },
    () => 0.5,
  );
  return { engine, deliveries, destinations, queue, sent, syncer };
}

describe('DeliveryEngine', () => {
  it('sends nothing to a disabled destination: its deliveries wait unclaimed', async () => {
    const { engine, deliveries, sent } = engineWith(record({ enabled: false }), []);
    await engine.process(job('deliver', { workspaceId: '1', destinationId: '5', signalId: 'sig_a', subjectKey: 'account:9', seq: '1' }));
    expect(deliveries.claim).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it("sends a Slack digest's pending signals in one message and records them together", async () => {
    const { engine, deliveries, sent, queue } = engineWith(record({ type: 'slack', settings: { digest_seconds: 900 } }), [
      { outcome: 'retry', statusCode: 503 },
    ]);
    const data = { workspaceId: '1', destinationId: '5', intervalEnd: '2026-12-02T10:15:00.000Z' };
    await engine.process(job('digest', data));
    expect(sent).toHaveLength(1);
    expect(sent[0].map((signal) => signal.id)).toEqual(['sig_a', 'sig_b', 'sig_c']);
    expect(deliveries.recordAttempt).toHaveBeenCalledWith(
      expect.objectContaining({
        item: 'digest:2026-12-02T10:15:00.000Z',
        attempt: 3,
        signalIds: ['sig_a', 'sig_b', 'sig_c'],
        retryInMs: null,
      }),
    );
    // The third attempt used the two-entry schedule up: no retry.
    expect(queue.digest).not.toHaveBeenCalled();
  });

  it('retries a sync on the schedule under its item key, then gives up', async () => {
    const { engine, deliveries, queue, destinations } = engineWith(record({ type: 'segment', secret: 'write-key' }), [
      { outcome: 'retry', error: 'ECONNRESET' },
      { outcome: 'retry', error: 'ECONNRESET' },
      { outcome: 'retry', error: 'ECONNRESET' },
    ]);
    const data = { workspaceId: '1', destinationId: '5', item: 'sync:2026-12-02T10:00:00.000Z', attempt: 0 };
    await engine.process(job('sync', data));
    expect(queue.sync).toHaveBeenLastCalledWith({ ...data, attempt: 1 }, 1000);
    await engine.process(job('sync', { ...data, attempt: 2 }));
    expect(queue.sync).toHaveBeenCalledTimes(1);
    expect(deliveries.recordAttempt).toHaveBeenLastCalledWith(
      expect.objectContaining({ item: data.item, attempt: 3, signalIds: [], retryInMs: null }),
    );
    expect(destinations.recordFailure).toHaveBeenCalledTimes(2);
  });

  it('asks for one sync per reverse-sync destination after a scoring run', async () => {
    const { engine, queue } = engineWith(record({}), []);
    await engine.requestSyncs('1', new Date('2026-12-02T10:00:00Z'));
    expect(queue.sync.mock.calls.map(([data]) => data)).toEqual([
      { workspaceId: '1', destinationId: '7', item: 'sync:2026-12-02T10:00:00.000Z', attempt: 0 },
      { workspaceId: '1', destinationId: '8', item: 'sync:2026-12-02T10:00:00.000Z', attempt: 0 },
    ]);
  });

  it('dispatches lane heads as deliveries and digest destinations as one digest at the end of the interval', async () => {
    const { engine, deliveries, queue } = engineWith(record({}), []);
    deliveries.due.mockResolvedValue([
      { workspaceId: '1', destinationId: '5', signalId: 'sig_a', subjectKey: 'account:9', seq: '1', attempts: 0, digestSeconds: null },
      { workspaceId: '1', destinationId: '6', signalId: 'sig_b', subjectKey: 'account:9', seq: '2', attempts: 0, digestSeconds: 60 },
    ]);
    jest.useFakeTimers({ now: new Date('2026-12-02T10:00:30Z') });
    try {
      await engine.dispatch('1');
    } finally {
      jest.useRealTimers();
    }
    expect(queue.deliverAll).toHaveBeenCalledWith([
      { workspaceId: '1', destinationId: '5', signalId: 'sig_a', subjectKey: 'account:9', seq: '1', attempts: 0, digestSeconds: null },
    ]);
    expect(queue.digest).toHaveBeenCalledWith({ workspaceId: '1', destinationId: '6', intervalEnd: '2026-12-02T10:01:00.000Z' }, 30_000);
  });
});
