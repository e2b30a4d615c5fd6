import { formatUtcDay } from '@coil/scoring';
import type { AccountSegment } from '../blocks/account-block';
import type { ProfileResolver, ResolvedProfile } from '../profiles/profile-resolver';
import { requireSegment } from '../reading/account-list-reader';
import type { ListPosition } from '../query/list-cursor';
import type { AccountListRepository, ListedAccount } from '../repositories/account-list.repository';
import type { AccountSegmentsRepository } from '../repositories/account-segments.repository';
import type { AccountExportQuery } from './account-export-query';
import { csvLine, type CsvValue } from './csv';

export const EXPORT_COLUMNS = [
  'id',
  'name',
  'domain',
  'tracking_id',
  'engagement_score',
  'engagement_score_change',
  'trend',
  'active_users',
  'total_people_count',
  'last_seen',
  'segments',
] as const;

export const EXPORT_PAGE_SIZE = 1_000;

/** A checked export: its file name, and its lines, read a page at a time as they are consumed. */
export interface AccountExport {
  filename: string;
  lines: AsyncIterable<string>;
}

/**
 * GET /v1/accounts/export.csv: the whole listing of /v1/accounts/list, in keyset pages through
 * the same repository. The profile and segment are checked before the first line, so a bad
 * request still gets its JSON error.
 */
export class AccountExporter {
  constructor(
    private readonly accounts: Pick<AccountListRepository, 'page' | 'hasSegment'>,
    private readonly segments: Pick<AccountSegmentsRepository, 'currentSegmentsOf'>,
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
    private readonly now: () => Date,
    private readonly pageSize = EXPORT_PAGE_SIZE,
  ) {}

  async open(query: AccountExportQuery): Promise<AccountExport> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    await requireSegment(this.accounts, query.workspaceId, query.segment);
    return { filename: `accounts-${query.workspaceId}-${formatUtcDay(this.now())}.csv`, lines: this.lines(query, profile) };
  }

  private async *lines(query: AccountExportQuery, profile: ResolvedProfile): AsyncGenerator<string> {
    yield csvLine(EXPORT_COLUMNS);
    const { sort, order, segment, q } = query;
    let after: ListPosition | null = null;
    for (;;) {
      const page = await this.accounts.page(query.workspaceId, profile, { sort, order, segment, q, after, limit: this.pageSize });
      if (page.length === 0) return;
      const segments = await this.segments.currentSegmentsOf(
        query.workspaceId,
        page.map((account) => account.id),
      );
      yield page.map((account) => csvLine(exportRow(account, segments.get(account.id) ?? []))).join('');
      if (page.length < this.pageSize) return;
      const last = page[page.length - 1];
      after = { value: last.sortValue, id: last.id };
    }
  }
}

function exportRow(account: ListedAccount, segments: readonly AccountSegment[]): CsvValue[] {
  const { metrics } = account;
  return [
    account.id,
    account.name,
    account.domain,
    account.trackingId,
    metrics.engagement_score,
    metrics.engagement_score_change,
    metrics.trend,
    metrics.active_users,
    metrics.total_people_count,
    metrics.last_seen,
    segments.length > 0 ? segments.map((each) => each.name).join('; ') : null,
  ];
}
