import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseSegmentsQuery, ReadAccess, SEGMENTS_QUERY, SegmentsReader, type RawQuery, type SegmentsBody } from '@coil/accounts';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';
import { SEGMENTS_EXAMPLE, SEGMENTS_SCHEMA } from '../docs/segment-schemas';

@ApiTags('segments')
@ApiBearerAuth()
@Controller('v1/segments')
export class SegmentsController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(SegmentsReader) private readonly segments: SegmentsReader,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every segment with its members now and per UTC day',
    description:
      'By name. history has one point per UTC day of the last `days` days ending today: the accounts in the segment at the end of that day. ' +
      'List the members with /v1/accounts/list?segment=<id>.',
  })
  @ApiQueryParameters(SEGMENTS_QUERY)
  @ApiOkResponse({ schema: SEGMENTS_SCHEMA, example: SEGMENTS_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 429])
  async segmentList(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<SegmentsBody> {
    return this.segments.list(await this.access.authorize(authorization, () => parseSegmentsQuery(query)));
  }
}
