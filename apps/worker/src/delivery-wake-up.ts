import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Delivery } from '@coil/delivery';
import { LOGGER } from '@coil/platform';
import { DELIVERY } from './worker.tokens';

/**
 * What the roll-up and scoring processors tell delivery once their transaction committed. A
 * failure here only delays: the signals' deliveries are in the outbox and the sweeper finds them.
 */
@Injectable()
export class DeliveryWakeUp {
  constructor(
    @Inject(DELIVERY) private readonly delivery: Delivery,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** `signals` new signals were stored for the workspace (null: not counted, maybe some): send them now. */
  async signalsStored(workspaceId: string, signals: number | null): Promise<void> {
    if (signals === 0) return;
    await this.delivery.engine
      .dispatch(workspaceId)
      .catch((error: unknown) => this.logger.warn({ err: error, workspaceId }, 'could not dispatch deliveries; the sweeper will'));
  }

  /** A scoring run finished: its signals go out, and every reverse sync of the workspace runs. */
  async scored(workspaceId: string, signals: number | null, now: Date): Promise<void> {
    await this.signalsStored(workspaceId, signals);
    await this.delivery.engine
      .requestSyncs(workspaceId, now)
      .catch((error: unknown) => this.logger.warn({ err: error, workspaceId }, 'could not request the reverse syncs'));
  }
}
