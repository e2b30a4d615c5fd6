import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HistoryReader,
  parseUserHistoryQuery,
  parseUserQuery,
  ReadAccess,
  USER_HISTORY_QUERY,
  USER_QUERY,
  UserReader,
  type RawQuery,
  type SubjectHistoryBody,
  type UserBody,
} from '@coil/accounts';
import { USER_SCHEMA } from '../docs/account-schemas';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { SUBJECT_HISTORY_SCHEMA } from '../docs/history-schemas';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(UserReader) private readonly users: UserReader,
    @Inject(HistoryReader) private readonly history: HistoryReader,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'One user with its engagement metrics (latest scoring run of the profile read, default: the default profile)',
    description: 'expand=explanation adds what the score is made of and what moved it (cached up to 15 min), as /v1/accounts/explain.',
  })
  @ApiQueryParameters(USER_QUERY)
  @ApiOkResponse({ schema: USER_SCHEMA })
  @ApiReadErrors([400, 401, 404, 409, 429])
  async user(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<UserBody> {
    return this.users.read(await this.access.authorize(authorization, () => parseUserQuery(query)));
  }

  @Get('history')
  @ApiOperation({ summary: "A user's daily score history (the rows the scoring run keeps per UTC day), oldest first" })
  @ApiQueryParameters(USER_HISTORY_QUERY)
  @ApiOkResponse({ schema: SUBJECT_HISTORY_SCHEMA })
  @ApiReadErrors([400, 401, 404, 409, 429])
  async userHistory(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<SubjectHistoryBody> {
    return this.history.user(await this.access.authorize(authorization, () => parseUserHistoryQuery(query)));
  }
}
