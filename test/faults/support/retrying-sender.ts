import { basicAuth } from '../../support/ingest-harness';
import { chunk } from '../../worker/support/event-factory';
import type { WireTrack } from './wire-stream';

/** What one HTTP attempt came back with: a status, or 0 for a connection error. */
export interface Attempt {
  status: number;
  at: number;
}

export interface SenderOptions {
  /** Read before each attempt, so a test can point the client at a restarted server. */
  url: () => string;
  apiKey: string;
  batchSize: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Wait after each accepted batch in a lane: spreads a stream over time (0: as fast as it goes). */
  paceMs: number;
  /** Wait between attempts of one batch. */
  retryDelayMs: number;
  /** A test-wide bound so a bug fails the test instead of hanging it. */
  giveUpAfterMs: number;
}

/**
 * A client that behaves as Segment's libraries do: a batch is re-sent unchanged (same
 * messageIds) after any answer other than 2xx or a connection error, until it is accepted.
 */
export class RetryingSender {
  readonly attempts: Attempt[] = [];

  constructor(private readonly options: SenderOptions) {}

  async sendAll(events: WireTrack[]): Promise<void> {
    const batches = chunk(events, this.options.batchSize);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < batches.length) {
        const batch = batches[next];
        next += 1;
        await this.deliver(JSON.stringify({ batch }));
        if (this.options.paceMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.paceMs));
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, lane));
  }

  statuses(): number[] {
    return this.attempts.map((attempt) => attempt.status);
  }

  private async deliver(body: string): Promise<void> {
    const deadline = Date.now() + this.options.giveUpAfterMs;
    while (Date.now() < deadline) {
      const status = await this.post(body);
      this.attempts.push({ status, at: Date.now() });
      if (status >= 200 && status < 300) return;
      await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs));
    }
    throw new Error(`a batch was still refused after ${this.options.giveUpAfterMs} ms`);
  }

  private async post(body: string): Promise<number> {
    try {
      const response = await fetch(`${this.options.url()}/v1/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: basicAuth(this.options.apiKey) },
        body,
        signal: AbortSignal.timeout(5000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }
}
