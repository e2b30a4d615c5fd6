import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FEATURES_QUERY, FeaturesReader, parseFeaturesQuery, ReadAccess, type FeaturesBody, type RawQuery } from '@coil/accounts';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { FEATURES_SCHEMA } from '../docs/features-schemas';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';

@ApiTags('features')
@ApiBearerAuth()
@Controller('v1/features')
export class FeaturesController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(FeaturesReader) private readonly reader: FeaturesReader,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Feature use per day: accounts, users, events and adoption',
    description: 'Every day of the last `days` days ending today, and totals over the range, for each feature of the profile.',
  })
  @ApiQueryParameters(FEATURES_QUERY)
  @ApiOkResponse({ schema: FEATURES_SCHEMA })
  @ApiReadErrors([400, 401, 404, 429])
  async features(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<FeaturesBody> {
    return this.reader.workspace(await this.access.authorize(authorization, () => parseFeaturesQuery(query)));
  }
}
