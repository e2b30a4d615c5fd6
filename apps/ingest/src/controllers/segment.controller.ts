import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IngestHandler } from '../ingest-handler';

/** Segment's Accoil destination (/segment) and Segment's HTTP tracking API (/v1/...). */
@Controller()
export class SegmentController {
  constructor(private readonly handler: IngestHandler) {}

  @Post('segment')
  @HttpCode(202)
  destination(@Req() request: FastifyRequest) {
    return this.handler.accept('segment', request);
  }

  @Post('v1/batch')
  @HttpCode(202)
  batch(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/batch', request);
  }

  @Post('v1/identify')
  @HttpCode(202)
  identify(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/identify', request);
  }

  @Post('v1/track')
  @HttpCode(202)
  track(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/track', request);
  }

  @Post('v1/page')
  @HttpCode(202)
  page(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/page', request);
  }

  @Post('v1/screen')
  @HttpCode(202)
  screen(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/screen', request);
  }

  @Post('v1/group')
  @HttpCode(202)
  group(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/group', request);
  }

  @Post('v1/alias')
  @HttpCode(202)
  alias(@Req() request: FastifyRequest) {
    return this.handler.accept('v1/alias', request);
  }
}
