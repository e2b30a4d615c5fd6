import { Queue, QueueEvents, Worker } from 'bullmq';
import IORedis from 'ioredis';
import {
  processScoringJob,
  registerScoringSchedule,
  requestRescore,
  SCORING_JOBS,
  SCORING_QUEUE,
  createScoringRunner,
} from '@coil/scoring-pass';
import { ScoringFixture } from './support/scoring-fixture';

// A prefix of its own: this file never meets another test's (or a running worker's) jobs.
const prefix = `{coil-scoring-spec-${process.pid}}`;

/** Options rather than a shared client, so BullMQ opens the connections it closes itself. */
function redisOptions(): { host: string; port: number; maxRetriesPerRequest: null } {
  const url = new URL(process.env.REDIS_URL as string);
  return { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
}

describe('scoring queue', () => {
  const fixture = new ScoringFixture();
  const connection = new IORedis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
  const queue = new Queue(SCORING_QUEUE, { connection, prefix });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
    await fixture.close();
  });

  it('registers one job scheduler at UTC midnight, however often it is called', async () => {
    await registerScoringSchedule(queue);
    await registerScoringSchedule(queue);

    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([expect.objectContaining({ pattern: '0 0 * * *', tz: 'UTC', template: expect.objectContaining({}) })]);
    expect(schedulers[0].name).toBe(SCORING_JOBS.scoreAllWorkspaces);
  });

  it('debounces rescore requests per workspace and scores the workspace when the job runs', async () => {
    const workspaceId = await fixture.workspace();
    const { user } = await fixture.accountWithUser(workspaceId, 'queued');
    await fixture.counts(workspaceId, [{ user, event: 'x', day: new Date().toISOString().slice(0, 10), count: 3 }]);

    await Promise.all([1, 2, 3].map(() => requestRescore(queue, workspaceId, 200)));
    const pending = (await queue.getDelayed()).filter((job) => job.data.workspaceId === workspaceId);
    expect(pending).toHaveLength(1);

    const events = new QueueEvents(SCORING_QUEUE, { connection: redisOptions(), prefix });
    const worker = new Worker(SCORING_QUEUE, (job) => processScoringJob(job, createScoringRunner(fixture.pool)), {
      connection: redisOptions(),
      prefix,
    });
    try {
      await events.waitUntilReady();
      const result = await pending[0].waitUntilFinished(events, 10_000);
      expect(result).toMatchObject({ workspace_id: workspaceId, profiles: [expect.objectContaining({ accounts: 1 })] });
      expect(await fixture.accountScores(workspaceId)).toEqual([expect.objectContaining({ raw_score: 3 })]);
    } finally {
      await worker.close();
      await events.close();
    }
  });
});
