import { Controller, Get, Headers, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeReader, ReadAccess, type MeBody } from '@coil/accounts';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { ME_EXAMPLE, ME_SCHEMA } from '../docs/me-schemas';

@ApiTags('workspace')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(MeReader) private readonly reader: MeReader,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The workspace this read token opens',
    description: 'Needs only the token: the dashboard signs in with it, and tools learn the workspace_id every other read takes.',
  })
  @ApiOkResponse({ schema: ME_SCHEMA, example: ME_EXAMPLE })
  @ApiReadErrors([401, 429])
  async me(@Headers('authorization') authorization: string | undefined): Promise<MeBody> {
    return this.reader.read(await this.access.authenticate(authorization));
  }
}
