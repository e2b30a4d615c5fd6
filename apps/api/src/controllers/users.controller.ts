import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseUserQuery, ReadAccess, USER_QUERY, UserReader, type RawQuery, type UserBody } from '@coil/accounts';
import { USER_SCHEMA } from '../docs/account-schemas';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(UserReader) private readonly users: UserReader,
  ) {}

  @Get()
  @ApiOperation({ summary: 'One user with its engagement metrics (latest scoring run of the default profile)' })
  @ApiQueryParameters(USER_QUERY)
  @ApiOkResponse({ schema: USER_SCHEMA })
  @ApiReadErrors([400, 401, 404, 409, 429])
  async user(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<UserBody> {
    return this.users.read(await this.access.authorize(authorization, () => parseUserQuery(query)));
  }
}
