import { Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CoilError } from '@coil/domain';
import { ApiErrorResponses } from '@coil/http';
import { analyticsJsSettings, IngestService } from '@coil/ingestion';

/**
 * What @segment/analytics-next needs besides the tracking routes: its settings, which it fetches
 * before sending anything, and a sink for the delivery metrics it may post. Both carry the CORS
 * headers of every ingest answer (apps/ingest/src/main.ts).
 */
@ApiTags('segment')
@Controller()
export class AnalyticsJsController {
  constructor(@Inject(IngestService) private readonly service: IngestService) {}

  @Get('v1/projects/:writeKey/settings')
  @ApiOperation({
    summary:
      "analytics.js settings (`cdnURL` set to the ingest's URL): Segment.io with the write key, posting back to this host's /v1; nothing else loaded",
  })
  @ApiParam({ name: 'writeKey', description: 'An active ingest key' })
  @ApiOkResponse({
    schema: { type: 'object', example: analyticsJsSettings('YOUR_WRITE_KEY', { host: 'ingest.example.com', protocol: 'https' }) },
  })
  @ApiErrorResponses([
    {
      status: 401,
      description: 'Unknown or revoked key',
      examples: { unauthorized: new CoilError('unauthorized', 'unauthorized', 'Invalid API key') },
    },
  ])
  async settings(@Param('writeKey') writeKey: string, @Req() request: FastifyRequest): Promise<Record<string, unknown>> {
    if (!(await this.service.isActiveKey(writeKey))) throw new CoilError('unauthorized', 'unauthorized', 'Invalid API key');
    // Fastify's host and protocol follow X-Forwarded-Host/-Proto (trustProxy), as the page saw them.
    return analyticsJsSettings(writeKey, { host: request.host, protocol: request.protocol });
  }

  @Post('v1/m')
  @HttpCode(200)
  @ApiOperation({ summary: 'analytics.js delivery metrics: answered 200 and ignored (no key needed, nothing stored or counted)' })
  @ApiOkResponse({ schema: { type: 'object', example: { success: true } } })
  metrics(): Record<string, unknown> {
    // The body was parsed, so the ingest's body limits and invalid_json still apply.
    return { success: true };
  }
}
