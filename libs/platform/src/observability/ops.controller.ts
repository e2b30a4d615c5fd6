import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { register } from 'prom-client';
import { READINESS_CHECKS } from '../platform.tokens';
import { runReadinessChecks, type ReadinessCheck } from './readiness';

/** /healthz (alive), /readyz (dependencies answer), /metrics (Prometheus text) on every process. */
@Controller()
export class OpsController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('healthz')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const report = await runReadinessChecks(this.checks);
    await reply.status(report.ready ? 200 : 503).send(report);
  }

  @Get('metrics')
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
