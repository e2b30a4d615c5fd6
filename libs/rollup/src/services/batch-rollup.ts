import type { Pool } from 'pg';
import { PgUnitOfWork, type UnitOfWork } from '@coil/database';
import type { IngestBatch, IngestEvent } from '@coil/domain';
import type { DeadLetter, DeadLetterSink } from '../dead-letter/dead-letter-queue';
import { invalidEventReason } from '../planning';
import { createRollupRepositories, type RollupRepositories } from '../repositories';
import { splitAndApply, type BisectHandlers, type Range } from './bisect';
import { isPoisonError } from './failures';
import { rollupEvents, type EventsToRollUp, type RollupOutcome } from './rollup-events';

export interface JobOutcome extends RollupOutcome {
  deadLetteredEvents: number;
}

/** A job, or a part of a split one, and whether it is a backfill. */
type JobKey = Omit<EventsToRollUp, 'events'>;

interface Indexed {
  event: IngestEvent;
  index: number;
}

/** The whole job keeps the job id; a part of a split job gets its own, stable across retries. */
function partId(batchId: string, range: Range, total: number): string {
  return range.start === 0 && range.end === total ? batchId : `${batchId}#${range.start}-${range.end}`;
}

const NOTHING: RollupOutcome = { alreadyApplied: false, appliedEvents: 0, duplicateEvents: 0, signals: 0 };

function sum(outcomes: RollupOutcome[]): RollupOutcome {
  return outcomes.reduce((total, outcome) => ({
    alreadyApplied: total.alreadyApplied && outcome.alreadyApplied,
    appliedEvents: total.appliedEvents + outcome.appliedEvents,
    duplicateEvents: total.duplicateEvents + outcome.duplicateEvents,
    signals: total.signals + outcome.signals,
  }));
}

/**
 * Rolls one queue job into PostgreSQL exactly once. The happy path is one transaction. Events
 * that can never apply go to the dead-letter sink: invalid ones at once, and those the database
 * rejects by splitting the batch (each part its own transaction, recorded under
 * `{jobId}#{start}-{end}`, so a crash mid-split does not apply a part twice).
 */
export class BatchRollup {
  constructor(
    private readonly rollups: UnitOfWork<RollupRepositories>,
    private readonly deadLetters: DeadLetterSink,
  ) {}

  async rollupJob(batchId: string, batch: IngestBatch): Promise<JobOutcome> {
    const valid: Indexed[] = [];
    const rejected: DeadLetter[] = [];
    batch.events.forEach((event, index) => {
      const reason = invalidEventReason(event);
      if (reason === null) valid.push({ event, index });
      else rejected.push(this.letter(batch.workspaceId, batchId, index, event, reason));
    });
    await this.deadLetters.send(rejected);
    const outcome = await this.applyAll({ workspaceId: batch.workspaceId, batchId, replay: batch.replay === true }, valid, rejected);
    return { ...outcome, deadLetteredEvents: rejected.length };
  }

  private async applyAll(job: JobKey, valid: Indexed[], rejected: DeadLetter[]): Promise<RollupOutcome> {
    const { workspaceId, batchId } = job;
    const handlers: BisectHandlers<RollupOutcome> = {
      apply: (range) => this.applyRange({ ...job, batchId: partId(batchId, range, valid.length) }, valid, range),
      isPoison: isPoisonError,
      reject: async (index, error) => {
        const { event, index: position } = valid[index];
        const letter = this.letter(workspaceId, batchId, position, event, (error as Error).message);
        await this.deadLetters.send([letter]);
        rejected.push(letter);
      },
      combine: sum,
      empty: NOTHING,
    };
    const whole: Range = { start: 0, end: valid.length };
    try {
      return await handlers.apply(whole);
    } catch (error) {
      if (!isPoisonError(error) || valid.length === 0) throw error;
      const outcome = await splitAndApply(handlers, whole);
      await this.rollups.run((repos) => repos.batches.claim(workspaceId, batchId, valid.length));
      return outcome;
    }
  }

  private applyRange(part: JobKey, valid: Indexed[], range: Range): Promise<RollupOutcome> {
    const events = valid.slice(range.start, range.end).map((item) => item.event);
    return this.rollups.run((repos) => rollupEvents(repos, { ...part, events }));
  }

  private letter(workspaceId: string, batchId: string, index: number, event: IngestEvent, reason: string): DeadLetter {
    return { workspaceId, batchId, index, reason, event, failedAt: new Date().toISOString() };
  }
}

/** Wires a roll-up to PostgreSQL: each batch, or each part of a split one, in a transaction of its own. */
export function createBatchRollup(pool: Pool, deadLetters: DeadLetterSink): BatchRollup {
  return new BatchRollup(new PgUnitOfWork(pool, createRollupRepositories), deadLetters);
}
