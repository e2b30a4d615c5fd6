import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseSignalsQuery, ReadAccess, SIGNALS_QUERY, SignalsReader, type RawQuery, type SignalsBody } from '@coil/accounts';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';
import { SIGNALS_EXAMPLE, SIGNALS_SCHEMA } from '../docs/signal-schemas';

@ApiTags('signals')
@ApiBearerAuth()
@Controller('v1/signals')
export class SignalsController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(SignalsReader) private readonly reader: SignalsReader,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The signal feed: score changes, segment moves, trait changes, first feature uses, activations',
    description:
      'Newest first by occurred_at then id (stable); follow next_cursor until it is null. Filters: since, kind (a comma list), account_id. ' +
      'The same signals are delivered to the webhook and Slack destinations.',
  })
  @ApiQueryParameters(SIGNALS_QUERY)
  @ApiOkResponse({ schema: SIGNALS_SCHEMA, example: SIGNALS_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 429])
  async signals(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<SignalsBody> {
    return this.reader.page(await this.access.authorize(authorization, () => parseSignalsQuery(query)));
  }
}
