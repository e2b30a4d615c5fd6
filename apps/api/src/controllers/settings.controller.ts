import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseSettingsQuery, ReadAccess, SETTINGS_QUERY, SettingsReader, type RawQuery, type SettingsBody } from '@coil/accounts';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';
import { SETTINGS_EXAMPLE, SETTINGS_SCHEMA } from '../docs/settings-schemas';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('v1/settings')
export class SettingsController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'What scoring and signals run with (read-only)',
    description:
      'Scoring profiles with their direct event weights, features and their weights, the activation checklist and the signal settings. ' +
      'They are changed with the CLI.',
  })
  @ApiQueryParameters(SETTINGS_QUERY)
  @ApiOkResponse({ schema: SETTINGS_SCHEMA, example: SETTINGS_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 429])
  async settingsView(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<SettingsBody> {
    return this.settings.read(await this.access.authorize(authorization, () => parseSettingsQuery(query)));
  }
}
