import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HistoryReader,
  parseWorkspaceHistoryQuery,
  ReadAccess,
  WORKSPACE_HISTORY_QUERY,
  type RawQuery,
  type WorkspaceHistoryBody,
} from '@coil/accounts';
import { ApiReadErrors } from '../docs/error-responses.decorator';
import { WORKSPACE_HISTORY_SCHEMA } from '../docs/history-schemas';
import { ApiQueryParameters } from '../docs/query-parameters.decorator';

@ApiTags('workspace')
@ApiBearerAuth()
@Controller('v1/workspace')
export class WorkspaceController {
  constructor(
    @Inject(ReadAccess) private readonly access: ReadAccess,
    @Inject(HistoryReader) private readonly history: HistoryReader,
  ) {}

  @Get('history')
  @ApiOperation({
    summary: 'The workspace per day: mean score, accounts, active accounts, active users',
    description: 'One row per UTC day the scoring run stored, for the last `days` days ending today, oldest first.',
  })
  @ApiQueryParameters(WORKSPACE_HISTORY_QUERY)
  @ApiOkResponse({ schema: WORKSPACE_HISTORY_SCHEMA })
  @ApiReadErrors([400, 401, 404, 429])
  async workspaceHistory(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: RawQuery,
  ): Promise<WorkspaceHistoryBody> {
    return this.history.workspace(await this.access.authorize(authorization, () => parseWorkspaceHistoryQuery(query)));
  }
}
