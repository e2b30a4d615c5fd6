import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ACCOUNT_PEOPLE_QUERY,
  AccountPeopleReader,
  parseAccountPeopleQuery,
  ReadAccess,
  type AccountPeopleBody,
  type RawQuery,
} from '@coil/accounts';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { ACCOUNT_PEOPLE_EXAMPLE, ACCOUNT_PEOPLE_SCHEMA } from '../docs/people-schemas';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';

/** The people of one account: beside AccountsController on the same prefix. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class AccountPeopleController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(AccountPeopleReader) private readonly reader: AccountPeopleReader,
  ) {}

  @Get('users')
  @ApiOperation({
    summary: "An account's people, a page at a time",
    description:
      'The users with a membership in the account, each with the metrics of GET /v1/users, by engagement_score then id, both descending; ' +
      'follow next_cursor until it is null.',
  })
  @ApiQueryParameters(ACCOUNT_PEOPLE_QUERY)
  @ApiOkResponse({ schema: ACCOUNT_PEOPLE_SCHEMA, example: ACCOUNT_PEOPLE_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 409, 429])
  async people(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<AccountPeopleBody> {
    return this.reader.page(await this.access.authorize(authorization, () => parseAccountPeopleQuery(query)));
  }
}
