import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { bodyBytes } from '@coil/http';
import { IngestHandler } from '../ingest-handler';

/** Accoil's Amplitude event stream (/amplitude) and Amplitude's HTTP API v2 (/2/httpapi). */
@Controller()
export class AmplitudeController {
  constructor(private readonly handler: IngestHandler) {}

  @Post('amplitude')
  @HttpCode(202)
  eventStream(@Req() request: FastifyRequest) {
    return this.handler.accept('amplitude', request);
  }

  /** @amplitude/analytics-node treats only a 200 with `code: 200` as delivered. */
  @Post('2/httpapi')
  @HttpCode(200)
  async httpApi(@Req() request: FastifyRequest) {
    const outcome = await this.handler.handle('2/httpapi', request);
    return {
      code: 200,
      events_ingested: outcome.accepted,
      payload_size_bytes: bodyBytes(request),
      server_upload_time: Date.now(),
      ...(outcome.rejected.length > 0 ? { rejected: outcome.rejected } : {}),
    };
  }
}
