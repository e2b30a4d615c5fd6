import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { bodyBytes } from '@coil/http';
import { ApiIngestRoute } from '../docs/ingest-route.decorator';
import { IngestHandler } from '../ingest-handler';

/** Accoil's Amplitude event stream (/amplitude) and Amplitude's HTTP API v2 (/2/httpapi). */
@ApiTags('amplitude')
@Controller()
export class AmplitudeController {
  constructor(private readonly handler: IngestHandler) {}

  @Post('amplitude')
  @ApiIngestRoute("Accoil's Amplitude event stream: an event with groupTraits, or an Amplitude event", { type: 'track', event: 'Exported', userId: 'user_12345', groupTraits: [{ groupId: 'ext-12345', traits: { name: 'TechCorp', group_type: 'org' } }] })
  @HttpCode(202)
  eventStream(@Req() request: FastifyRequest) {
    return this.handler.accept('amplitude', request);
  }

  /** @amplitude/analytics-node treats only a 200 with `code: 200` as delivered. */
  @Post('2/httpapi')
  @ApiIngestRoute('Amplitude HTTP API v2, as @amplitude/analytics-node sends it', { api_key: 'YOUR_API_KEY', events: [{ event_type: 'Viewed Report', user_id: 'user_12345', time: 1756720800000, insert_id: 'i-1', groups: { org: 'ext-12345' } }] }, 200)
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
