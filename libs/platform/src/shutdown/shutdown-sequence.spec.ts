import type { StructuredLogger } from '../observability/logger';
import { ShutdownSequence } from './shutdown-sequence';

/** Keeps what was logged as an error: the log line an operator reads after a forced exit. */
function fakeLogger(): StructuredLogger & { errors: object[] } {
  const errors: object[] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (details) => void errors.push(details) };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const never = (): Promise<void> => new Promise<void>(() => undefined);

describe('ShutdownSequence', () => {
  it('closes phase by phase: intake, drain, queues, connections, whatever the order of adding', async () => {
    const closed: string[] = [];
    const shutdown = new ShutdownSequence(1000, fakeLogger(), () => undefined);
    shutdown.add('connections', 'redis', () => void closed.push('redis'));
    shutdown.add('queues', 'queue', () => void closed.push('queue'));
    shutdown.add('drain', 'batcher', async () => {
      await sleep(20);
      closed.push('batcher');
    });
    shutdown.add('intake', 'http', () => void closed.push('http'));
    shutdown.add('intake', 'worker', async () => {
      await sleep(10);
      closed.push('worker');
    });

    expect(await shutdown.run()).toEqual([]);
    expect(closed).toEqual(['http', 'worker', 'batcher', 'queue', 'redis']);
  });

  it('runs each step once however often it is asked', async () => {
    let closes = 0;
    const shutdown = new ShutdownSequence(1000, fakeLogger(), () => undefined);
    shutdown.add('connections', 'pool', () => void (closes += 1));
    await Promise.all([shutdown.run(), shutdown.run(), shutdown.beforeApplicationShutdown()]);
    expect(closes).toBe(1);
  });

  it('cuts a hanging step short so the connections still close, and reports it', async () => {
    const closed: string[] = [];
    const shutdown = new ShutdownSequence(500, fakeLogger(), () => undefined);
    shutdown.add('intake', 'stuck worker', never);
    shutdown.add('connections', 'redis', () => void closed.push('redis'));

    const started = Date.now();
    const unfinished = await shutdown.run();
    expect(Date.now() - started).toBeLessThan(500);
    expect(closed).toEqual(['redis']);
    expect(unfinished).toEqual(['stuck worker (out of time)']);
  });

  it('after a signal, exits with code 1 when a step did not finish, and not at all when every step did', async () => {
    const exits: number[] = [];
    const stuck = new ShutdownSequence(300, fakeLogger(), (code) => exits.push(code));
    stuck.add('drain', 'stuck batcher', never);
    await stuck.beforeApplicationShutdown('SIGTERM');
    expect(exits).toEqual([1]);

    const clean = new ShutdownSequence(300, fakeLogger(), (code) => exits.push(code));
    clean.add('connections', 'redis', () => undefined);
    await clean.beforeApplicationShutdown('SIGTERM');
    expect(exits).toEqual([1]);
  });

  it('counts a failed step as unfinished', async () => {
    const shutdown = new ShutdownSequence(300, fakeLogger(), () => undefined);
    shutdown.add('queues', 'queue', () => Promise.reject(new Error('connection is closed')));
    expect(await shutdown.run()).toEqual(['queue (failed)']);
  });

  it('exits at the deadline, logging what is still running, even if a step never settles', async () => {
    const logger = fakeLogger();
    const exits: number[] = [];
    const shutdown = new ShutdownSequence(200, logger, (code) => exits.push(code));
    shutdown.add('connections', 'pool', never);

    void shutdown.beforeApplicationShutdown('SIGINT');
    await sleep(150);
    expect(exits).toEqual([]);
    await sleep(100);
    expect(exits).toEqual([1]);
    // The deadline and the step's own time limit fall together; either reports the pool.
    expect(logger.errors).toEqual([expect.objectContaining({ unfinished: [expect.stringMatching(/^pool \((running|out of time)\)$/)] })]);
  });
});
