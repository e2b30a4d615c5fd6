import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { StructuredLogger } from '../observability/logger';
import { TimeoutError, withTimeout } from '../time-limit';

/**
 * In this order: stop taking work (HTTP server, queue workers), finish or hand back what was
 * taken, close the queues, then the connections under them. Steps of one phase run together.
 */
export type ShutdownPhase = 'intake' | 'drain' | 'queues' | 'connections';

const PHASES: readonly ShutdownPhase[] = ['intake', 'drain', 'queues', 'connections'];

/** Whatever the work before did, the last fifth of the deadline is left for closing connections. */
const CONNECTIONS_SHARE = 0.2;

type StepState = 'waiting' | 'running' | 'done' | 'failed' | 'out of time';

interface Step {
  phase: ShutdownPhase;
  name: string;
  close: () => Promise<unknown> | void;
  state: StepState;
}

/**
 * The one ordered shutdown of a process. Whatever opens something that must be closed adds a
 * step; Nest runs the sequence before it disposes of the app (app.close() or a signal). Every
 * step is bounded by the deadline, so a dead Redis or PostgreSQL cannot hold the process: after
 * a signal, a step left unfinished is logged and the process exits with code 1.
 */
export class ShutdownSequence implements BeforeApplicationShutdown {
  private readonly steps: Step[] = [];
  private running?: Promise<string[]>;
  private gaveUp = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly logger: StructuredLogger,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  add(phase: ShutdownPhase, name: string, close: () => Promise<unknown> | void): void {
    this.steps.push({ phase, name, close, state: 'waiting' });
  }

  /** Nest passes the signal when one started the shutdown; app.close() passes none. */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (signal === undefined) {
      await this.run();
      return;
    }
    this.logger.info({ signal, timeoutMs: this.timeoutMs }, 'shutting down');
    const deadline = setTimeout(() => this.giveUp(), this.timeoutMs);
    const unfinished = await this.run();
    clearTimeout(deadline);
    if (unfinished.length > 0) this.giveUp();
  }

  /** Runs every step once, whoever asks first; resolves with the names of unfinished steps. */
  run(): Promise<string[]> {
    this.running ??= this.runPhases(Date.now() + this.timeoutMs);
    return this.running;
  }

  /** Steps not done yet, with their state, for the log. */
  unfinished(): string[] {
    return this.steps.filter((step) => step.state !== 'done').map((step) => `${step.name} (${step.state})`);
  }

  private async runPhases(end: number): Promise<string[]> {
    const workEnd = end - this.timeoutMs * CONNECTIONS_SHARE;
    for (const phase of PHASES) {
      const steps = this.steps.filter((step) => step.phase === phase);
      await Promise.all(steps.map((step) => this.runStep(step, phase === 'connections' ? end : workEnd)));
    }
    const unfinished = this.unfinished();
    if (unfinished.length > 0) this.logger.warn({ unfinished }, 'shutdown left steps unfinished');
    return unfinished;
  }

  private async runStep(step: Step, until: number): Promise<void> {
    step.state = 'running';
    try {
      await withTimeout(Promise.resolve().then(step.close), Math.max(0, until - Date.now()));
      step.state = 'done';
    } catch (error) {
      step.state = error instanceof TimeoutError ? 'out of time' : 'failed';
      if (step.state === 'failed') this.logger.warn({ err: error, step: step.name }, 'shutdown step failed');
    }
  }

  private giveUp(): void {
    if (this.gaveUp) return;
    this.gaveUp = true;
    this.logger.error({ unfinished: this.unfinished(), timeoutMs: this.timeoutMs }, 'exiting with shutdown unfinished');
    this.exit(1);
  }
}
