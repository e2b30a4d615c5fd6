import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IngestHandler } from '../ingest-handler';

/** Accoil's REST API: v2 (Basic auth) and the legacy v1 (api_key in the body). */
@Controller()
export class AccoilController {
  constructor(private readonly handler: IngestHandler) {}

  @Post('v2/identify')
  @HttpCode(202)
  identify(@Req() request: FastifyRequest) {
    return this.handler.accept('v2/identify', request);
  }

  @Post('v2/group')
  @HttpCode(202)
  group(@Req() request: FastifyRequest) {
    return this.handler.accept('v2/group', request);
  }

  @Post('v2/track')
  @HttpCode(202)
  track(@Req() request: FastifyRequest) {
    return this.handler.accept('v2/track', request);
  }

  @Post('v1/users')
  @HttpCode(202)
  legacyUsers(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/users', request);
  }

  @Post('v1/groups')
  @HttpCode(202)
  legacyGroups(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/groups', request);
  }

  @Post('v1/events')
  @HttpCode(202)
  legacyEvents(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/events', request);
  }
}
