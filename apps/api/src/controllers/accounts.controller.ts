import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ACCOUNT_LIST_QUERY,
  ACCOUNT_QUERY,
  AccountListReader,
  AccountReader,
  parseAccountListQuery,
  parseAccountQuery,
  ReadAccess,
  type AccountBody,
  type AccountListBody,
  type RawQuery,
} from '@coil/accounts';
import { ACCOUNT_EXAMPLE, ACCOUNT_LIST_SCHEMA, ACCOUNT_SCHEMA } from '../docs/account-schemas';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class AccountsController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(AccountReader) private readonly accounts: AccountReader,
    @Inject(AccountListReader) private readonly list: AccountListReader,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'One account with its engagement metrics',
    description:
      'Looks an account up by id, or by match_type/match_value. Metrics come from the latest scoring run of the default profile. ' +
      'expand adds traits (cached up to 15 min), segments (10 min), insights (30 min); the Age header and _expansions.cached_at tell their age.',
  })
  @ApiQueryParameters(ACCOUNT_QUERY)
  @ApiOkResponse({ schema: ACCOUNT_SCHEMA, example: ACCOUNT_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 409, 429])
  async account(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: RawQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountBody> {
    const request = await this.access.authorize(authorization, () => parseAccountQuery(query));
    const answer = await this.accounts.read(request);
    void reply.header('age', String(answer.ageSeconds));
    return answer.body;
  }

  @Get('list')
  @ApiOperation({
    summary: 'Every account of a workspace, a page at a time',
    description: 'Ordered by the sort metric then id (stable); follow next_cursor until it is null.',
  })
  @ApiQueryParameters(ACCOUNT_LIST_QUERY)
  @ApiOkResponse({ schema: ACCOUNT_LIST_SCHEMA })
  @ApiReadErrors([400, 401, 404, 429])
  async page(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<AccountListBody> {
    return this.list.page(await this.access.authorize(authorization, () => parseAccountListQuery(query)));
  }
}
