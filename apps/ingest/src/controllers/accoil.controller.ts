import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiIngestRoute } from '../docs/ingest-route.decorator';
import { IngestHandler } from '../ingest-handler';

/** Accoil's REST API: v2 (Basic auth) and the legacy v1 (api_key in the body). */
@ApiTags('accoil')
@Controller()
export class AccoilController {
  constructor(private readonly handler: IngestHandler) {}

  @Post('v2/identify')
  @ApiIngestRoute('Accoil REST v2 identify (`Authorization: Basic <key>`)', { userId: 'user_12345', traits: { email: 'sarah@techcorp.com' }, groupId: 'ext-12345' })
  @HttpCode(202)
  identify(@Req() request: FastifyRequest) {
    return this.handler.accept('v2/identify', request);
  }

  @Post('v2/group')
  @ApiIngestRoute('Accoil REST v2 group', { groupId: 'ext-12345', userId: 'user_12345', traits: { name: 'TechCorp Solutions', mrr: 99000 } })
  @HttpCode(202)
  group(@Req() request: FastifyRequest) {
    return this.handler.accept('v2/group', request);
  }

  @Post('v2/track')
  @ApiIngestRoute('Accoil REST v2 track', { userId: 'user_12345', event: 'Report_Created' })
  @HttpCode(202)
  track(@Req() request: FastifyRequest) {
    return this.handler.accept('v2/track', request);
  }

  @Post('v1/users')
  @ApiIngestRoute('Accoil legacy identify (api_key in the body)', { api_key: 'YOUR_API_KEY', timestamp: 1500000000000, user_id: 'user_12345', traits: { email: 'sarah@techcorp.com' } })
  @HttpCode(202)
  legacyUsers(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/users', request);
  }

  @Post('v1/groups')
  @ApiIngestRoute('Accoil legacy group', { api_key: 'YOUR_API_KEY', timestamp: 1500000000000, group_id: 'ext-12345', user_id: 'user_12345' })
  @HttpCode(202)
  legacyGroups(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/groups', request);
  }

  @Post('v1/events')
  @ApiIngestRoute('Accoil legacy track', { api_key: 'YOUR_API_KEY', timestamp: 1500000000000, user_id: 'user_12345', event: 'Report_Created' })
  @HttpCode(202)
  legacyEvents(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/events', request);
  }
}
