import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiIngestRoute } from '../docs/ingest-route.decorator';
import { IngestHandler } from '../ingest-handler';

/** Segment's Accoil destination (/segment) and Segment's HTTP tracking API (/v1/...). */
@ApiTags('segment')
@Controller()
export class SegmentController {
  constructor(private readonly handler: IngestHandler) {}

  @Post('segment')
  @ApiIngestRoute("One Segment event, as Segment's Accoil destination posts it ({} is its connection test)", { type: 'track', event: 'Report Created', userId: 'user_12345', timestamp: '2025-09-01T10:00:00.000Z' })
  @HttpCode(202)
  destination(@Req() request: FastifyRequest) {
    return this.handler.accept('segment', request);
  }

  @Post('v1/batch')
  @ApiIngestRoute('A Segment batch, as @segment/analytics-node sends it', { batch: [{ type: 'track', event: 'Report Created', userId: 'user_12345', messageId: 'm-1' }], sentAt: '2025-09-01T10:00:00.000Z' })
  @HttpCode(202)
  batch(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/batch', request);
  }

  @Post('v1/identify')
  @ApiIngestRoute('Segment HTTP API identify', { userId: 'user_12345', traits: { email: 'sarah@techcorp.com', name: 'Sarah' } })
  @HttpCode(202)
  identify(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/identify', request);
  }

  @Post('v1/track')
  @ApiIngestRoute('Segment HTTP API track (properties are dropped)', { userId: 'user_12345', event: 'Report Created' })
  @HttpCode(202)
  track(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/track', request);
  }

  @Post('v1/page')
  @ApiIngestRoute('Segment HTTP API page: becomes the track event `Viewed {name} Page`', { userId: 'user_12345', name: 'Pricing' })
  @HttpCode(202)
  page(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/page', request);
  }

  @Post('v1/screen')
  @ApiIngestRoute('Segment HTTP API screen: becomes the track event `Viewed {name} Screen`', { userId: 'user_12345', name: 'Home' })
  @HttpCode(202)
  screen(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/screen', request);
  }

  @Post('v1/group')
  @ApiIngestRoute('Segment HTTP API group: links the user to the account', { userId: 'user_12345', groupId: 'ext-12345', traits: { name: 'TechCorp Solutions', plan: 'pro' } })
  @HttpCode(202)
  group(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/group', request);
  }

  @Post('v1/alias')
  @ApiIngestRoute('Segment HTTP API alias: previousId and userId become one user', { userId: 'user_12345', previousId: 'anon-42' })
  @HttpCode(202)
  alias(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/alias', request);
  }
}
