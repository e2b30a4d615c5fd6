import type { IngestBatch, IngestEvent } from '@coil/domain';
import { EventBatcher, type BatcherOptions } from './event-batcher';
import type { BatchWriter } from './queue-writer';

const event = (messageId: string): IngestEvent => ({
  type: 'track',
  messageId,
  userId: 'u',
  event: 'e',
  timestamp: '2026-03-10T12:00:00.000Z',
  receivedAt: '2026-03-10T12:00:00.000Z',
});

/** A queue writer whose writes each test settles by hand. */
class HeldWriter implements BatchWriter {
  readonly writes: IngestBatch[][] = [];
  private settle: { resolve: () => void; reject: (error: Error) => void }[] = [];

  write(batches: IngestBatch[]): Promise<void> {
    this.writes.push(batches);
    return new Promise((resolve, reject) => this.settle.push({ resolve, reject }));
  }

  acknowledge(): void {
    this.settle.shift()?.resolve();
  }

  fail(error: Error): void {
    this.settle.shift()?.reject(error);
  }
}

/** Resolves to the promise's state without waiting for it to settle. */
async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
  const pending = Symbol('pending');
  return Promise.race([
    promise.then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    ),
    Promise.resolve(pending),
  ]).then((state) => (state === pending ? 'pending' : state));
}

describe('EventBatcher', () => {
  const options: BatcherOptions = { maxEvents: 100, maxDelayMs: 50, writeTimeoutMs: 1000, maxWritesInFlight: 1 };
  let writer: HeldWriter;

  beforeEach(() => {
    jest.useFakeTimers();
    writer = new HeldWriter();
  });
  afterEach(() => jest.useRealTimers());

  it('writes the events of concurrent requests together, a write per workspace, each settling its own requests once acknowledged', async () => {
    const batcher = new EventBatcher(writer, options);
    const requests = [
      batcher.enqueue('1', [event('a'), event('b')]),
      batcher.enqueue('2', [event('c')]),
      batcher.enqueue('1', [event('d')]),
    ];

    await jest.advanceTimersByTimeAsync(options.maxDelayMs);

    expect(writer.writes).toEqual([
      [{ workspaceId: '1', events: [event('a'), event('b'), event('d')] }],
      [{ workspaceId: '2', events: [event('c')] }],
    ]);
    expect(await stateOf(requests[0])).toBe('pending');
    writer.acknowledge();
    await expect(Promise.all([requests[0], requests[2]])).resolves.toEqual([undefined, undefined]);
    expect(await stateOf(requests[1])).toBe('pending');
    writer.fail(new Error('connection lost'));
    await expect(requests[1]).rejects.toMatchObject({ code: 'queue_unavailable' });
  });

  it('flushes as soon as maxEvents events wait, without waiting for the delay', async () => {
    const batcher = new EventBatcher(writer, { ...options, maxEvents: 3 });
    void batcher.enqueue('1', [event('a'), event('b')]);
    expect(writer.writes).toHaveLength(0);
    void batcher.enqueue('1', [event('c')]);
    expect(writer.writes).toHaveLength(1);
  });

  it('flushes after maxDelayMs when fewer events wait', async () => {
    const batcher = new EventBatcher(writer, options);
    void batcher.enqueue('1', [event('a')]);
    await jest.advanceTimersByTimeAsync(options.maxDelayMs - 1);
    expect(writer.writes).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(writer.writes).toHaveLength(1);
  });

  it('fails the requests of a write slower than writeTimeoutMs with 503 queue_unavailable', async () => {
    const batcher = new EventBatcher(writer, options);
    const request = batcher.enqueue('1', [event('a')]);
    const outcome = request.catch((error: unknown) => error);

    await jest.advanceTimersByTimeAsync(options.maxDelayMs + options.writeTimeoutMs);

    expect(await outcome).toMatchObject({
      status: 'service_unavailable',
      code: 'queue_unavailable',
      details: { reason: 'queue write timed out after 1000 ms' },
    });
  });

  it('fails the requests of a failed write with 503 and writes the next ones anew', async () => {
    const batcher = new EventBatcher(writer, options);
    const first = batcher.enqueue('1', [event('a')]).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(options.maxDelayMs);
    writer.fail(new Error("READONLY You can't write against a read only replica."));
    expect(await first).toMatchObject({
      code: 'queue_unavailable',
      details: { reason: "READONLY You can't write against a read only replica." },
    });

    const second = batcher.enqueue('1', [event('b')]);
    await jest.advanceTimersByTimeAsync(options.maxDelayMs);
    writer.acknowledge();
    await expect(second).resolves.toBeUndefined();
    expect(writer.writes.map((batches) => batches[0].events.map((queued) => queued.messageId))).toEqual([['a'], ['b']]);
  });

  it('drain writes what waits and resolves once the writes under way have settled', async () => {
    const batcher = new EventBatcher(writer, options);
    void batcher.enqueue('1', [event('a')]);
    const drained = batcher.drain();
    expect(writer.writes).toHaveLength(1);
    expect(await stateOf(drained)).toBe('pending');
    writer.acknowledge();
    await expect(drained).resolves.toBeUndefined();
  });

  it('while maxWritesInFlight writes are under way, gathers what arrives and sends it in one write when one settles', async () => {
    const batcher = new EventBatcher(writer, options);
    const first = batcher.enqueue('1', [event('a')]);
    await jest.advanceTimersByTimeAsync(options.maxDelayMs);
    const later = [batcher.enqueue('1', [event('b')]), batcher.enqueue('2', [event('c')])];
    await jest.advanceTimersByTimeAsync(options.maxDelayMs);
    const last = batcher.enqueue('1', [event('d')]);
    await jest.advanceTimersByTimeAsync(options.maxDelayMs * 3);
    expect(writer.writes).toHaveLength(1);

    writer.acknowledge();
    await expect(first).resolves.toBeUndefined();
    await jest.advanceTimersByTimeAsync(0);
    expect(writer.writes.slice(1)).toEqual([
      [{ workspaceId: '1', events: [event('b'), event('d')] }],
      [{ workspaceId: '2', events: [event('c')] }],
    ]);
    expect(await stateOf(last)).toBe('pending');
    writer.acknowledge();
    writer.acknowledge();
    await expect(Promise.all([...later, last])).resolves.toEqual([undefined, undefined, undefined]);
  });

  it('cuts what gathered into jobs of at most maxEvents, written together', async () => {
    const batcher = new EventBatcher(writer, { ...options, maxEvents: 2 });
    void batcher.enqueue('1', [event('a'), event('b')]);
    expect(writer.writes).toHaveLength(1);
    const waiting = batcher.enqueue('1', [event('c'), event('d'), event('e')]);
    expect(writer.writes).toHaveLength(1);

    writer.acknowledge();
    await jest.advanceTimersByTimeAsync(0);
    expect(writer.writes[1]).toEqual([
      { workspaceId: '1', events: [event('c'), event('d')] },
      { workspaceId: '1', events: [event('e')] },
    ]);
    writer.acknowledge();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('drain writes what waits even while writes are under way', async () => {
    const batcher = new EventBatcher(writer, options);
    void batcher.enqueue('1', [event('a')]);
    await jest.advanceTimersByTimeAsync(options.maxDelayMs);
    const second = batcher.enqueue('1', [event('b')]);
    const drained = batcher.drain();
    expect(writer.writes.map((batches) => batches[0].events.map((queued) => queued.messageId))).toEqual([['a'], ['b']]);
    writer.acknowledge();
    writer.acknowledge();
    await expect(Promise.all([second, drained])).resolves.toEqual([undefined, undefined]);
  });
});
