import { Readable } from 'node:stream';
import { Controller, Get, Headers, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ACCOUNT_EXPLAIN_QUERY,
  ACCOUNT_EXPORT_QUERY,
  ACCOUNT_FEATURES_QUERY,
  ACCOUNT_HISTORY_QUERY,
  ACCOUNT_LIST_QUERY,
  ACCOUNT_QUERY,
  AccountExporter,
  AccountListReader,
  AccountReader,
  FeaturesReader,
  HistoryReader,
  parseAccountExplainQuery,
  parseAccountExportQuery,
  parseAccountFeaturesQuery,
  parseAccountHistoryQuery,
  parseAccountListQuery,
  parseAccountQuery,
  ReadAccess,
  ScoreExplainer,
  type AccountBody,
  type AccountExplanationBody,
  type AccountFeaturesBody,
  type AccountListBody,
  type RawQuery,
  type SubjectHistoryBody,
} from '@coil/accounts';
import {
  ACCOUNT_EXAMPLE,
  ACCOUNT_EXPORT_EXAMPLE,
  ACCOUNT_LIST_EXAMPLE,
  ACCOUNT_LIST_SCHEMA,
  ACCOUNT_SCHEMA,
} from '../docs/account-schemas';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { ACCOUNT_EXPLANATION_EXAMPLE, ACCOUNT_EXPLANATION_SCHEMA } from '../docs/explanation-schemas';
import { ACCOUNT_FEATURES_EXAMPLE, ACCOUNT_FEATURES_SCHEMA } from '../docs/features-schemas';
import { SUBJECT_HISTORY_EXAMPLE, SUBJECT_HISTORY_SCHEMA } from '../docs/history-schemas';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class AccountsController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(AccountReader) private readonly accounts: AccountReader,
    @Inject(AccountListReader) private readonly list: AccountListReader,
    @Inject(AccountExporter) private readonly exporter: AccountExporter,
    @Inject(HistoryReader) private readonly history: HistoryReader,
    @Inject(FeaturesReader) private readonly features: FeaturesReader,
    @Inject(ScoreExplainer) private readonly explainer: ScoreExplainer,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'One account with its engagement metrics',
    description:
      'Looks an account up by id, or by match_type/match_value. Metrics come from the latest scoring run of the profile read (default: the default profile). ' +
      'expand adds traits (cached up to 15 min), segments (10 min), insights (30 min), explanation (15 min); the Age header and _expansions.cached_at tell their age.',
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
    description:
      'Ordered by the sort column then id (stable, nulls last); follow next_cursor until it is null. ' +
      'segment and q filter (both apply when both are given); a cursor only continues the listing (sort, order, segment, q) it came from. ' +
      "expand=segments,history adds each account's current segments and 30-day score sparkline.",
  })
  @ApiQueryParameters(ACCOUNT_LIST_QUERY)
  @ApiOkResponse({ schema: ACCOUNT_LIST_SCHEMA, example: ACCOUNT_LIST_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 429])
  async page(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<AccountListBody> {
    return this.list.page(await this.access.authorize(authorization, () => parseAccountListQuery(query)));
  }

  @Get('export.csv')
  @ApiOperation({
    summary: 'The account list as a CSV file',
    description:
      'Every account of the listing /v1/accounts/list would page through (same sort, order, segment, q, profile), streamed: ' +
      "RFC 4180, CRLF lines, a header row; empty cells for null; text starting with = + - @ tab or CR gets a leading '. " +
      'Errors are found before the first line and answered as JSON.',
  })
  @ApiQueryParameters(ACCOUNT_EXPORT_QUERY)
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'text/csv; charset=utf-8, as an attachment named accounts-<workspace_id>-<YYYY-MM-DD>.csv',
    schema: { type: 'string' },
    example: ACCOUNT_EXPORT_EXAMPLE,
  })
  @ApiReadErrors([400, 401, 404, 429])
  async exportCsv(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<StreamableFile> {
    const csv = await this.exporter.open(await this.access.authorize(authorization, () => parseAccountExportQuery(query)));
    return new StreamableFile(Readable.from(csv.lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${csv.filename}"`,
    });
  }

  @Get('history')
  @ApiOperation({
    summary: "An account's daily score history",
    description:
      'The rows the scoring run keeps per UTC day (the latest run of a day wins, 400 days kept), for the last `days` days ending today.',
  })
  @ApiQueryParameters(ACCOUNT_HISTORY_QUERY)
  @ApiOkResponse({ schema: SUBJECT_HISTORY_SCHEMA, example: SUBJECT_HISTORY_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 409, 429])
  async accountHistory(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<SubjectHistoryBody> {
    return this.history.account(await this.access.authorize(authorization, () => parseAccountHistoryQuery(query)));
  }

  @Get('features')
  @ApiOperation({
    summary: "An account's use of each feature",
    description: 'Events and users per feature over the last `days` days, the last day ever used, and the features used and unused.',
  })
  @ApiQueryParameters(ACCOUNT_FEATURES_QUERY)
  @ApiOkResponse({ schema: ACCOUNT_FEATURES_SCHEMA, example: ACCOUNT_FEATURES_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 409, 429])
  async accountFeatures(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: RawQuery,
  ): Promise<AccountFeaturesBody> {
    return this.features.account(await this.access.authorize(authorization, () => parseAccountFeaturesQuery(query)));
  }

  @Get('explain')
  @ApiOperation({
    summary: 'Why an account has its score: what it is made of, and what moved it',
    description:
      'The same lookups as /v1/accounts. Contributions per scored event (points add up to raw_score exactly, shares to 1), the benchmark ' +
      'and the published formula that turns raw_score into engagement_score, and the drivers of the change since one time frame earlier. ' +
      'Computed on every request in one statement; expand=explanation on /v1/accounts is the cached form.',
  })
  @ApiQueryParameters(ACCOUNT_EXPLAIN_QUERY)
  @ApiOkResponse({ schema: ACCOUNT_EXPLANATION_SCHEMA, example: ACCOUNT_EXPLANATION_EXAMPLE })
  @ApiReadErrors([400, 401, 404, 409, 429])
  async explain(@Headers('authorization') authorization: string | undefined, @Query() query: RawQuery): Promise<AccountExplanationBody> {
    return this.explainer.account(await this.access.authorize(authorization, () => parseAccountExplainQuery(query)));
  }
}
