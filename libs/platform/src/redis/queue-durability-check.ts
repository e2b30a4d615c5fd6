import type { OnModuleInit } from '@nestjs/common';
import type { CoilConfig } from '../config/config';
import type { StructuredLogger } from '../observability/logger';
import { ReadinessWarning } from '../observability/readiness';
import type { ShutdownSequence } from '../shutdown/shutdown-sequence';
import { withTimeout } from '../time-limit';
import { describeQueueDurability, recordQueueDurability, type QueueDurability } from './queue-durability';

// A Redis that does not answer makes durability unknown, not a failure of its own; below the
// readiness checks' limit, so that /readyz reports the warning rather than a time-out.
const READ_TIMEOUT_MS = 1500;

/**
 * Checked by the processes that write to or consume the queue, at start-up and on /readyz.
 * Not durable: a loud warning, or with COIL_REQUIRE_DURABLE_QUEUE=true a refusal to start and
 * a failing readiness check. Unknown (CONFIG refused, as managed Redis often does): a warning.
 */
export class QueueDurabilityCheck implements OnModuleInit {
  constructor(
    private readonly readDurability: () => Promise<QueueDurability>,
    private readonly config: Pick<CoilConfig, 'requireDurableQueue'>,
    private readonly logger: StructuredLogger,
    private readonly shutdown: ShutdownSequence,
  ) {}

  /** Runs before any work is taken; a refusal closes what was opened so far, then throws. */
  async onModuleInit(): Promise<void> {
    const durability = await this.read();
    const message = describeQueueDurability(durability);
    if (durability.state === 'durable') {
      this.logger.info({ durability }, message);
      return;
    }
    if (durability.state === 'not_durable' && this.config.requireDurableQueue) {
      await this.shutdown.run();
      throw new Error(`COIL_REQUIRE_DURABLE_QUEUE=true, refusing to start: ${message}`);
    }
    this.logger.warn({ durability }, message);
  }

  /** The `queue_durability` readiness check. */
  async check(): Promise<ReadinessWarning | undefined> {
    const durability = await this.read();
    if (durability.state === 'durable') return undefined;
    const message = describeQueueDurability(durability);
    if (durability.state === 'not_durable' && this.config.requireDurableQueue) throw new Error(message);
    return new ReadinessWarning(message);
  }

  private async read(): Promise<QueueDurability> {
    const durability = await withTimeout(this.readDurability(), READ_TIMEOUT_MS).catch((error: unknown): QueueDurability => ({
      state: 'unknown',
      reason: error instanceof Error ? error.message : String(error),
    }));
    recordQueueDurability(durability);
    return durability;
  }
}
