import { addUtcDays, formatUtcDay, parseUtcDay, trailingDays } from '@coil/scoring';
import type { ProfileResolver, ResolvedProfile } from '../profiles/profile-resolver';
import type { AccountLookupRepository } from '../repositories/account-lookup.repository';
import type { UserLookupRepository } from '../repositories/user-lookup.repository';
import { singleMatch } from '../reading/single-match';
import type { SubjectHistoryQuery, WorkspaceHistoryQuery } from './history-query';
import type { DayRange, HistoryPoint, ScoreHistoryRepository, WorkspacePoint } from './score-history.repository';

/** GET /v1/accounts/history and /v1/users/history: the subject's stored days, oldest first. */
export interface SubjectHistoryBody {
  id: string;
  profile: string;
  points: HistoryPoint[];
}

/** GET /v1/workspace/history. */
export interface WorkspaceHistoryBody {
  workspace_id: string;
  profile: string;
  points: WorkspacePoint[];
}

/** The last `days` UTC days, today (by the injected clock) included. */
export function lastDays(now: Date, days: number): DayRange {
  const frame = trailingDays(now, days);
  return { from: formatUtcDay(frame.start), to: formatUtcDay(frame.end) };
}

/** Every day of the range, oldest first, as `YYYY-MM-DD`. */
export function daysOfRange(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = parseUtcDay(range.from); formatUtcDay(day) <= range.to; day = addUtcDays(day, 1)) days.push(formatUtcDay(day));
  return days;
}

/**
 * Score series read from the daily rows the scoring run keeps: the profile is resolved (400 for
 * an unknown name), the subject found (404, 409), then one range read.
 */
export class HistoryReader {
  constructor(
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
    private readonly accounts: Pick<AccountLookupRepository, 'findIds'>,
    private readonly users: Pick<UserLookupRepository, 'findIds'>,
    private readonly history: Pick<ScoreHistoryRepository, 'accountPoints' | 'userPoints' | 'workspacePoints'>,
    private readonly now: () => Date,
  ) {}

  async account(query: SubjectHistoryQuery): Promise<SubjectHistoryBody> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    const { id } = singleMatch(await this.accounts.findIds(query.workspaceId, query.lookup), query.lookup, 'account');
    const points = await this.whenStored(profile, (profileId) =>
      this.history.accountPoints(query.workspaceId, profileId, id, lastDays(this.now(), query.days)),
    );
    return { id, profile: profile.name, points };
  }

  async user(query: SubjectHistoryQuery): Promise<SubjectHistoryBody> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    const { id } = singleMatch(await this.users.findIds(query.workspaceId, query.lookup), query.lookup, 'user');
    const points = await this.whenStored(profile, (profileId) =>
      this.history.userPoints(query.workspaceId, profileId, id, lastDays(this.now(), query.days)),
    );
    return { id, profile: profile.name, points };
  }

  async workspace(query: WorkspaceHistoryQuery): Promise<WorkspaceHistoryBody> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    const points = await this.whenStored(profile, (profileId) =>
      this.history.workspacePoints(query.workspaceId, profileId, lastDays(this.now(), query.days)),
    );
    return { workspace_id: query.workspaceId, profile: profile.name, points };
  }

  /** A profile not created yet has no rows: nothing to read. */
  private whenStored<P>(profile: ResolvedProfile, read: (profileId: string) => Promise<P[]>): Promise<P[]> {
    return profile.id === null ? Promise.resolve([]) : read(profile.id);
  }
}
