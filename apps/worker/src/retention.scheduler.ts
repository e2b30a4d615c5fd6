import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, ShutdownSequence } from '@coil/platform';
import { RetentionRepository } from '@coil/rollup';

const PRUNE_EVERY_MS = 15 * 60 * 1000;

/**
 * Keeps the dedup tables small: seen messageIds after 24 h, applied batch ids after 7 days.
 * Every worker prunes; concurrent prunes only delete the same old rows.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(RetentionRepository) private readonly retention: RetentionRepository,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(ShutdownSequence) private readonly shutdown: ShutdownSequence,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
    this.shutdown.add('drain', 'dedup-state prune', () => {
      clearInterval(this.timer);
      return this.running;
    });
  }

  prune(): Promise<void> {
    this.running ??= this.pruneOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pruneOnce(): Promise<void> {
    try {
      const messages = await this.retention.pruneSeenMessages();
      const batches = await this.retention.pruneProcessedBatches();
      this.logger.info({ messages, batches }, 'pruned dedup state');
    } catch (error) {
      this.logger.warn({ err: error }, 'prune failed; next run retries');
    }
  }
}
