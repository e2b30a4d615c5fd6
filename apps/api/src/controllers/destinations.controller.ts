import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DESTINATIONS_QUERY,
  DestinationsReader,
  parseDestinationsQuery,
  ReadAccess,
  type DestinationsBody,
  type RawQuery,
} from '@coil/accounts';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';
import { DESTINATIONS_EXAMPLE, DESTINATIONS_SCHEMA } from '../docs/signal-schemas';

@ApiTags('destinations')
@ApiBearerAuth()
@Controller('v1/destinations')
export class DestinationsController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(DestinationsReader) private readonly reader: DestinationsReader,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The workspace's destinations and how their delivery goes (read-only)",
    description:
      'Each destination with its filter, state, last attempt and pending deliveries; never a secret. Destinations are configured with the CLI.',
  })
  @ApiQueryParameters(DESTINATIONS_QUERY)
  @ApiOkResponse({ schema: DESTINATIONS_SCHEMA, example: DESTINATIONS_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 429])
  async destinations(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<DestinationsBody> {
    return this.reader.list(await this.access.authorize(authorization, () => parseDestinationsQuery(query)));
  }
}
